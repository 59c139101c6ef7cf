package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Loops whose index steps by a constant other than 1 and -1 (issue #12): the lanes of a chunk are
 * iterations {@code |step|} apart, so {@code a[i]} is strided by the step, {@code a[i]} and
 * {@code a[i + 1]} under {@code i += 2} are an interleaved pair, and the original loop finishes
 * from the value of the index the vector code reached, up to the edge of int overflow.
 */
public final class StepKernels {

    private StepKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD float", "gather", "scatter"})
    public static void stepTwo(float[] a, float[] out, int n) {
        for (int i = 0; i < n; i += 2) { // @loop:stepTwo
            out[i] = a[i] * 2f + 1f;
        }
    }

    /** The interleaved pair a[i], a[i + 1] under i += 2, an int sum of products (strict). */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "gather", "reduction +"})
    public static int pairProducts(int[] a, int n) {
        int s = 0;
        for (int i = 0; i < n - 1; i += 2) { // @loop:pairProducts
            s += a[i] * a[i + 1];
        }
        return s;
    }

    /** Falling by 3, in place, to the bound 0 inclusive. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD long", "gather", "scatter"})
    public static void stepMinusThree(long[] a, long x, int last) {
        for (int i = last; i >= 0; i -= 3) { // @loop:stepMinusThree
            a[i] = a[i] * x - 1;
        }
    }

    /** i <= last by 4, a double max (exact). */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD double", "gather", "reduction max"})
    public static double stepFourMax(double[] a, int last) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= last; i += 4) { // @loop:stepFourMax
            m = Math.max(m, a[i]);
        }
        return m;
    }

    /** The index itself as a value, and a scaled index: a[2*i] under i += 2 strides by 4. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "gather", "scatter"})
    public static void stepTwoScaled(int[] a, int[] out, int n) {
        for (int i = 0; i < n / 2; i += 2) { // @loop:stepTwoScaled
            out[i] = a[2 * i] + i * 3;
        }
    }

    /** Even elements written from odd ones under i += 2: the two never meet. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD short", "gather", "scatter"})
    public static void evensFromOdds(short[] a, int n) {
        for (int i = 0; i < n - 1; i += 2) { // @loop:evensFromOdds
            a[i] = (short) (a[i + 1] + 1);
        }
    }

    /** A step of 3 from an offset, with a condition: a masked scatter. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD byte", "scatter"})
    public static void stepThreeMasked(byte[] a, byte[] out, int from, int to) {
        for (int i = from; i < to; i += 3) { // @loop:stepThreeMasked
            if (a[i] > 0) {
                out[i] = (byte) (a[i] - 7);
            }
        }
    }

    /**
     * The index climbs by 3 to Integer.MAX_VALUE - 1 and wraps: the original then goes on from a
     * negative index (and throws, or not, as it always did); the vector code covers only
     * iterations before the wrap and hands the rest to it.
     */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static int nearMaxValue(int[] a, int n) {
        int s = 0;
        int lo = Integer.MAX_VALUE - n;
        for (int i = lo; i < Integer.MAX_VALUE; i += 3) { // @loop:nearMaxValue
            s += a[i - lo];
        }
        return s;
    }

    /** Down by 2 to Integer.MIN_VALUE + 1 inclusive: the last step wraps to the top. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static int nearMinValue(int[] a, int n) {
        int s = 0;
        int hi = Integer.MIN_VALUE + n;
        for (int i = hi; i >= Integer.MIN_VALUE + 1; i -= 2) { // @loop:nearMinValue
            s ^= a[hi - i] + i;
        }
        return s;
    }

    /** a[i + 2] written from a[i] under i += 2: the write of one iteration is the read of the next. */
    @Vectorize
    @Expect(rewritten = false, contains = "loop-carried dependence")
    public static void stepTwoCarried(int[] a, int n) {
        for (int i = 0; i < n - 2; i += 2) { // @loop:stepTwoCarried
            a[i + 2] = a[i] + 1;
        }
    }
}
