import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.SplittableRandom;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A C2 fault that Hotloop's generated code fences against (RELIABILITY.md, section 5): within one
 * iteration, C2 may move a gather, or a contiguous load, below a scatter to the same array, so the
 * load sees the store that follows it in the program. Two loops, each against the same loop
 * element by element, with and without {@code VarHandle.acquireFence()} between loads and stores:
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -XX:-TieredCompilation scripts/GatherScatterOrder.java
 * </pre>
 * Measured 2026-12-03 on an AVX-512 machine: the pair swap wrong in 181,256 of 200,000 calls on
 * Temurin 25.0.3 and 182,774 on OpenJDK 17.0.15; the block reversal wrong in 196,612 on JDK 17
 * (right on 25); with the fence, 0 everywhere.
 */
public final class GatherScatterOrder {

    private static final VectorSpecies<Long> S = LongVector.SPECIES_512;
    private static final int[] PAIRS = {0, 2, 4, 6, 8, 10, 12, 14};
    private static final int[] REVERSE = {7, 6, 5, 4, 3, 2, 1, 0};

    /** Swaps a[2i] and a[2i + 1]: two gathers, then two scatters, on one array. */
    static void swapPairs(long[] a, int pairs, boolean fence) {
        int i = 0;
        for (; i + 8 <= pairs; i += 8) {
            LongVector odd = LongVector.fromArray(S, a, 2 * i + 1, PAIRS, 0);
            LongVector even = LongVector.fromArray(S, a, 2 * i, PAIRS, 0);
            if (fence) {
                VarHandle.acquireFence();
            }
            odd.intoArray(a, 2 * i, PAIRS, 0);
            even.intoArray(a, 2 * i + 1, PAIRS, 0);
        }
        for (; i < pairs; i++) {
            long t = a[2 * i];
            a[2 * i] = a[2 * i + 1];
            a[2 * i + 1] = t;
        }
    }

    /** Reverses each block of 8: a contiguous load and a gather, then a scatter and a contiguous store. */
    static void reverseBlocks(long[] a, int blocks, boolean fence) {
        for (int c = 0; c < blocks; c++) {
            LongVector x = LongVector.fromArray(S, a, c * 8);
            LongVector y = LongVector.fromArray(S, a, c * 8, REVERSE, 0);
            if (fence) {
                VarHandle.acquireFence();
            }
            x.intoArray(a, c * 8, REVERSE, 0);
            y.intoArray(a, c * 8);
        }
    }

    public static void main(String[] args) {
        for (boolean fence : new boolean[] {false, true}) {
            SplittableRandom r = new SplittableRandom(1);
            int swaps = 0;
            int blocks = 0;
            for (int rep = 0; rep < 200_000; rep++) {
                long[] a = r.longs(2 + r.nextInt(200)).toArray();
                long[] want = a.clone();
                for (int i = 0; i < want.length / 2; i++) {
                    long t = want[2 * i];
                    want[2 * i] = want[2 * i + 1];
                    want[2 * i + 1] = t;
                }
                long[] got = a.clone();
                swapPairs(got, got.length / 2, fence);
                swaps += Arrays.equals(want, got) ? 0 : 1;
                long[] b = r.longs(8 * (1 + r.nextInt(12))).toArray();
                long[] rev = b.clone();
                for (int c = 0; c < rev.length; c += 8) {
                    for (int l = 0; l < 4; l++) {
                        long t = rev[c + l];
                        rev[c + l] = rev[c + 7 - l];
                        rev[c + 7 - l] = t;
                    }
                }
                reverseBlocks(b, b.length / 8, fence);
                blocks += Arrays.equals(rev, b) ? 0 : 1;
            }
            System.out.println((fence ? "with the fence:    " : "without the fence: ") + swaps + " pair swaps and " + blocks
                    + " block reversals wrong of 200,000 (" + System.getProperty("java.vm.version") + ")");
        }
    }
}
