package dev.hotloop.agent.targets;

import dev.hotloop.Parallel;
import dev.hotloop.Vectorize;

/** Kernels for the vectorizer's own tests: one of each shape the code generator handles. */
public final class SimdTargets {

    private SimdTargets() {
    }

    @Vectorize
    public static void add(float[] a, float[] b, float[] c, int n) {
        for (int i = 0; i < n; i++) {
            c[i] = a[i] + b[i];
        }
    }

    @Vectorize(unroll = 2)
    public static void addUnrolled(float[] a, float[] b, float[] c, int n) {
        for (int i = 0; i < n; i++) {
            c[i] = a[i] + b[i];
        }
    }

    @Vectorize
    public static int sumInt(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    @Vectorize(fastMath = true)
    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** A strict dot product: its multiplies are work enough for the ordered fold (at most 256-bit vectors). */
    @Vectorize
    public static float dotStrict(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** A strict sum with a square root per element: work enough for the ordered fold. */
    @Vectorize
    public static double normsStrict(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.sqrt(a[i] * a[i] + b[i] * b[i]);
        }
        return s;
    }

    /** A strict sum of plain loads: nothing per element for SIMD to gain, so it stays scalar. */
    @Vectorize
    public static double sumStrict(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    /** A strict conditional sum: the plain loop skips the adds the fold would make, so it stays scalar. */
    @Vectorize
    public static float sumAboveStrict(float[] a) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 0.5f) {
                s += a[i];
            }
        }
        return s;
    }

    @Vectorize
    public static void select(float[] a, float[] b, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > b[i] ? a[i] * 2f : b[i] - a[i];
        }
    }

    @Vectorize
    public static float maxAbs(float[] a) {
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i]));
        }
        return m;
    }

    @Vectorize
    public static void stencil(float[] a, float[] b) {
        for (int i = 1; i < a.length - 1; i++) {
            b[i] = (a[i - 1] + a[i] + a[i + 1]) * 0.33333334f;
        }
    }

    @Vectorize
    public static void prefix(long[] a) {
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i - 1] + a[i];
        }
    }

    @Vectorize
    public static int countPositive(double[] a) {
        int c = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 0) {
                c++;
            }
        }
        return c;
    }

    @Vectorize
    public static void toInt(float[] a, int[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (int) a[i];
        }
    }

    @Vectorize
    public static void reverseScale(double[] a, double k) {
        for (int i = a.length - 1; i >= 0; i--) {
            a[i] = a[i] * k;
        }
    }

    @Vectorize(fastMath = true)
    public static double sumTanh(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.tanh(a[i]);
        }
        return s;
    }

    @Parallel(grain = 64)
    @Vectorize(fastMath = true)
    public static double dotParallel(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Parallel(grain = 64)
    @Vectorize
    public static void scaleParallel(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] > 0 ? a[i] * 3f : 0f;
        }
    }
}
