package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Gathers {@code a[b[i]]} (issue #12): each chunk's indexes are checked in range before the chunk
 * loads or stores anything, so an index that is negative or past the end (the {@code keys}
 * parameter holds one under OVERRUN, and {@link #gatherSigned} makes some of its own) hands the
 * chunk to the original loop, which throws the same exception after the same writes. Scatters
 * {@code a[b[i]] = x} stay refused: duplicate indexes make the order of the writes matter.
 */
public final class GatherKernels {

    private GatherKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int/float", "gather"})
    public static void gatherCopy(float[] a, int[] keys, float[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:gatherCopy
            out[i] = a[keys[i]] * 2f;
        }
    }

    /** A double sum through an index map is ordered: refused without fastMath, so here a max (exact). */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int/double", "gather", "reduction max"})
    public static double gatherMax(double[] a, int[] keys, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) { // @loop:gatherMax
            m = Math.max(m, a[keys[i]]);
        }
        return m;
    }

    /** An int sum, unrolled: a chunk out of range in the middle of an unrolled step resumes there. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "gather", "reduction +"})
    public static int gatherSum(int[] a, int[] keys, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) { // @loop:gatherSum
            s += a[keys[i]];
        }
        return s;
    }

    /**
     * Unrolled, with negative indexes at random places ({@code keys[i] - off}): the first one is
     * mostly in the middle of an unrolled step, whose earlier chunks are done when the loop hands
     * over to the original.
     */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "gather", "reduction +", "unroll"})
    public static int gatherSumShifted(int[] a, int[] keys, int off, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) { // @loop:gatherSumShifted
            s += a[keys[i] - off] * (i + 1);
        }
        return s;
    }

    /**
     * Unrolled, in place, with negative indexes at random places: where a chunk in the middle of
     * an unrolled step is out of range, the chunks before it have added their elements and the
     * original must not add them again before it throws.
     */
    @Vectorize(unroll = 4)
    @Expect(rewritten = true, contains = {"SIMD int", "gather", "unroll 4"})
    public static void gatherAddUnrolled(int[] a, int[] keys, int[] b, int off, int n) {
        for (int i = 0; i < n; i++) { // @loop:gatherAddUnrolled
            b[i] += a[keys[i] - off];
        }
    }

    /**
     * Indexes computed per element, some negative: {@code keys[i] - off} ({@code off} is 0 to 65,
     * so small keys go below 0) and the original throws at the first.
     */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int/long", "gather"})
    public static void gatherSigned(long[] a, int[] keys, long[] out, int off, int n) {
        for (int i = 0; i < n; i++) { // @loop:gatherSigned
            out[i] = a[keys[i] - off] + 1;
        }
    }

    /** Indexes past the end at random places ({@code keys[i] + off}, the key at the end exactly when it is length - off). */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int/float", "gather"})
    public static void gatherAbove(float[] a, int[] keys, float[] out, int off, int n) {
        for (int i = 0; i < n; i++) { // @loop:gatherAbove
            out[i] = a[keys[i] + off] - 1f;
        }
    }

    /** The same array as data and indexes (int[]), read only. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "gather"})
    public static void gatherSelf(int[] keys, int[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:gatherSelf
            out[i] = keys[keys[i]] ^ i;
        }
    }

    /** A gather under a condition: the original reads a[keys[i]] only where b[i] > 0, the chunk checks every lane. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD byte/int", "gather"})
    public static void gatherMasked(byte[] a, int[] keys, byte[] b, int n) {
        for (int i = 0; i < n; i++) { // @loop:gatherMasked
            if (b[i] > 0) {
                b[i] = a[keys[i]];
            }
        }
    }

    /** A dead gather: nothing uses it, but it throws in the original when a key is out of range. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD short/int", "gather"})
    public static void deadGather(short[] a, int[] keys, short[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:deadGather
            short unused = a[keys[i]];
            out[i] = (short) (out[i] + 1);
        }
    }

    /** Even keys, a strided index array under i += 2. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int/float", "gather"})
    public static void gatherStepTwo(float[] a, int[] keys, float[] out, int n) {
        for (int i = 0; i < n; i += 2) { // @loop:gatherStepTwo
            out[i] = a[keys[i]] + 1f;
        }
    }

    /** A gather of an array the loop writes: the elements could be any, so refused. */
    @Vectorize
    @Expect(rewritten = false, contains = "loop-carried dependence")
    public static void gatherWritten(int[] a, int[] keys, int n) {
        for (int i = 0; i < n; i++) { // @loop:gatherWritten
            a[i] = a[keys[i]] + 1;
        }
    }

    /** A scatter: keys may repeat, and the last write must win. */
    @Vectorize
    @Expect(rewritten = false)
    public static void scatter(float[] a, int[] keys, float[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:scatter
            out[keys[i]] = a[i];
        }
    }

    /** Two levels: a[keys[keys[i]]]. */
    @Vectorize
    @Expect(rewritten = false, contains = "itself gathered")
    public static void gatherTwice(float[] a, int[] keys, float[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:gatherTwice
            out[i] = a[keys[keys[i]]];
        }
    }
}
