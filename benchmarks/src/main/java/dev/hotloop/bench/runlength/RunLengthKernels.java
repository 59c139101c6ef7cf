package dev.hotloop.bench.runlength;

import dev.hotloop.Vectorize;

/**
 * The six kernels of the run-length benchmark, written as a user writes them. {@link RunLengthApp}
 * loads this class inside its timed region, so that the agent's rewrite of it is part of what is
 * measured. Keep the loops natural: they must not be shaped to suit the vectorizer.
 */
public final class RunLengthKernels {

    private RunLengthKernels() {
    }

    @Vectorize(fastMath = true)
    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Vectorize
    public static int sum(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    @Vectorize(fastMath = true)
    public static void sigmoid(float[] x, float[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = 1f / (1f + (float) Math.exp(-x[i]));
        }
    }

    @Vectorize
    public static void select(float[] a, float[] b, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > b[i] ? a[i] : b[i] * 2;
        }
    }

    @Vectorize
    public static int countAbove(float[] a, float t) {
        int c = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > t) {
                c++;
            }
        }
        return c;
    }

    @Vectorize
    public static void hypot(float[] a, float[] b, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.sqrt((double) a[i] * a[i] + (double) b[i] * b[i]);
        }
    }
}
