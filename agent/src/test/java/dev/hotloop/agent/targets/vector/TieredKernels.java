package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Kernels for the tiered switch between the original loop and its SIMD form (TieredLoopTest): a
 * reduction, an in-place update, a select, the float-from-double kernel that is slower as SIMD on
 * some machines, and a loop over an instance's array field.
 */
public final class TieredKernels {

    private final float[] weights;

    public TieredKernels(float[] weights) {
        this.weights = weights;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "reduction +"})
    public static int sumInt(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumInt
            s += a[i];
        }
        return s;
    }

    @Vectorize(unroll = 2)
    @Expect(rewritten = true, contains = "SIMD float")
    public static void scaleInPlace(float[] a, float k) {
        for (int i = 0; i < a.length; i++) { // @loop:scaleInPlace
            a[i] = a[i] * k + 1f;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void select(int[] a, int[] b, int[] out) {
        for (int i = 0; i < out.length; i++) { // @loop:select
            out[i] = a[i] > b[i] ? a[i] - b[i] : b[i] * 3;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float/double")
    public static void hypot(float[] a, float[] b, float[] out) {
        for (int i = 0; i < out.length; i++) { // @loop:hypot
            out[i] = (float) Math.sqrt((double) a[i] * a[i] + (double) b[i] * b[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD long", "reduction max"})
    public static long maxLong(long[] a, int from, int to) {
        long m = Long.MIN_VALUE;
        for (int i = from; i < to; i++) { // @loop:maxLong
            m = Math.max(m, a[i] ^ (a[i] >>> 3));
        }
        return m;
    }

    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = "SIMD float")
    public void weigh(float[] x, float[] out) {
        for (int i = 0; i < out.length; i++) { // @loop:weigh
            out[i] = x[i] * weights[i];
        }
    }
}
