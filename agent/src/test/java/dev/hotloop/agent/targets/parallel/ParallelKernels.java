package dev.hotloop.agent.targets.parallel;

import dev.hotloop.Parallel;
import dev.hotloop.Vectorize;
import java.util.List;

/**
 * {@code @Parallel} loops the agent splits, one per form and reduction. Loop header lines carry
 * {@code // @loop:NAME} markers. Small grains make small inputs split into many chunks.
 */
public final class ParallelKernels {

    private ParallelKernels() {
    }

    @Parallel(grain = 7)
    public static void scale(double[] a, double k, double[] out) {
        for (int i = 0; i < out.length; i++) { // @loop:scale
            out[i] = a[i] * k;
        }
    }

    @Parallel(grain = 5)
    public static double sum(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sum
            s += a[i];
        }
        return s;
    }

    @Parallel(grain = 5)
    public static float sumFloatFrom(float[] a, int from, int to, float start) {
        float s = start;
        for (int i = from; i < to; i++) { // @loop:sumFloatFrom
            s -= a[i] * 0.5f;
        }
        return s;
    }

    /** Every integer reduction at once, and the index after the loop. */
    @Parallel(grain = 3)
    public static long[] integers(int[] a) {
        int count = 0;
        long product = 1;
        int min = Integer.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int and = -1;
        int or = 0;
        long xor = 0;
        int i;
        for (i = 0; i < a.length; i++) { // @loop:integers
            if (a[i] % 3 == 0) {
                count++;
            }
            product *= a[i] | 1;
            min = Math.min(min, a[i]);
            max = Math.max(a[i] * 7L, max);
            and &= a[i] | 0x100;
            or |= a[i];
            xor ^= (long) a[i] << 3;
        }
        return new long[] {count, product, min, max, and, or, xor, i};
    }

    @Parallel(grain = 4)
    public static double minMax(double[] a) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) { // @loop:minMax
            lo = Math.min(lo, a[i]);
            hi = Math.max(hi, a[i]);
        }
        return hi - lo;
    }

    @Parallel(grain = 6)
    public static long sumEach(int[] a) {
        long s = 0;
        for (int x : a) { // @loop:sumEach
            s += x;
        }
        return s;
    }

    /** The annotation on the for-each variable: the loop's hidden index drives the split. */
    public static long sumEachVariable(int[] a) {
        long s = 0;
        for (@Parallel(grain = 6) int x : a) { // @loop:sumEachVariable
            s += x;
        }
        return s;
    }

    /** The same on a double array, counting. */
    public static int positivesVariable(double[] a) {
        int n = 0;
        for (@Parallel(grain = 5) double x : a) { // @loop:positivesVariable
            if (x > 0) {
                n++;
            }
        }
        return n;
    }

    /** The annotation on a list for-each variable: split by index when the list is RandomAccess. */
    public static long totalLengthVariable(List<String> words) {
        long total = 0;
        for (@Parallel(grain = 3) String w : words) { // @loop:totalLengthVariable
            total += w.length();
        }
        return total;
    }

    @Parallel(grain = 3)
    public static int[] lengths(List<String> words) {
        int[] out = new int[words.size()];
        for (int i = 0; i < words.size(); i++) { // @loop:lengths
            out[i] = words.get(i).length();
        }
        return out;
    }

    @Parallel(grain = 3)
    public static long totalLength(List<String> words) {
        long total = 0;
        for (String w : words) { // @loop:totalLength
            total += w.length();
        }
        return total;
    }

    /** Fills {@code out[i] = i}, throwing at every index listed in {@code bad}. */
    @Parallel(grain = 2)
    public static void fillFailing(int[] out, int[] bad) {
        for (int i = 0; i < out.length; i++) { // @loop:fillFailing
            for (int b : bad) {
                if (b == i) {
                    throw new IllegalStateException("bad index " + i);
                }
            }
            out[i] = i;
        }
    }

    /** Divides, so a zero divisor throws ArithmeticException from inside a chunk. */
    @Parallel(grain = 2)
    public static void divide(int[] a, int[] b, int[] out) {
        for (int i = 0; i < out.length; i++) { // @loop:divide
            out[i] = a[i] / b[i];
        }
    }

    /** Each row summed by {@link #sum}, itself {@code @Parallel}: the inner loops run sequentially. */
    @Parallel(grain = 1)
    public static double[] rowSums(double[][] rows) {
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) { // @loop:rowSums
            out[r] = sum(rows[r]);
        }
        return out;
    }

    /** A loop with a nested loop and no grain: the estimate gives one row per chunk or close. */
    @Parallel
    public static void matmul(double[] a, double[] b, double[] c, int n) {
        for (int i = 0; i < n; i++) { // @loop:matmul
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * b[k * n + j];
                }
                c[i * n + j] = s;
            }
        }
    }

    /** Cheap body and no grain: small ranges stay in one chunk, the original loop. */
    @Parallel
    public static int cheapSum(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:cheapSum
            s += a[i];
        }
        return s;
    }

    /** The loop of one local variable only, with a captured String and a try/catch inside. */
    public static int parseAll(String[] in, int[] out, String fallback) {
        int bad = 0;
        for (@Parallel(grain = 2) int i = 0; i < in.length; i++) { // @loop:parseAll
            try {
                out[i] = Integer.parseInt(in[i]);
            } catch (NumberFormatException e) {
                out[i] = fallback.length();
                bad++;
            }
        }
        return bad;
    }

    /**
     * A captured local whose class differs on the paths into the loop: it enters the chunk as its
     * declared interface, which every use in the loop accepts.
     */
    @Parallel(grain = 4)
    public static void mixedClasses(int[] out, boolean builder) {
        CharSequence s = builder ? new StringBuilder("hgfedcba") : "abcdefgh";
        for (int i = 0; i < out.length; i++) { // @loop:mixedClasses
            out[i] = s.charAt(i % s.length()) + i;
        }
    }

    /**
     * Two loops sharing their index, the second's header the first's exit: a SIMD rewrite of the
     * second puts its entry in front of that header and redirects the first loop's exit to it.
     */
    @Parallel(grain = 4)
    @Vectorize
    public static void sharedIndex(int[] a, int[] b) {
        int i = 0;
        for (; i < a.length; i++) { // @loop:sharedIndex
            a[i] = a[i] + 1;
        }
        for (; i < b.length; i++) {
            b[i] = b[i] * 2;
        }
    }
}
