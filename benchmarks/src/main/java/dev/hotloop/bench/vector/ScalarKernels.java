package dev.hotloop.bench.vector;

import dev.hotloop.Vectorize;

/**
 * The kernels of the vector benchmark as a user writes them: plain Java loops under
 * {@link Vectorize}, with {@code fastMath} where the loop reassociates a floating-point sum or calls
 * {@code Math} functions. Without the agent they run as written; with it, they are what the
 * vectorizer rewrites. {@link HandKernels} holds the same kernels written by hand on the Vector
 * API. Keep these natural: they must not be shaped to suit the vectorizer.
 */
public final class ScalarKernels {

    /** Coefficients of the Abramowitz-Stegun approximation of the normal distribution (26.2.17). */
    static final double A1 = 0.319381530;
    static final double A2 = -0.356563782;
    static final double A3 = 1.781477937;
    static final double A4 = -1.821255978;
    static final double A5 = 1.330274429;
    static final double P = 0.2316419;
    static final double INV_SQRT_2PI = 0.3989422804014327;

    private ScalarKernels() {
    }

    /** A search: the first index holding {@code key}, or -1. */
    @Vectorize
    public static int indexOf(int[] a, int key) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == key) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the largest element, the first of equal ones; NaN never wins. */
    @Vectorize
    public static int argmax(float[] a) {
        float best = Float.NEGATIVE_INFINITY;
        int at = -1;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > best) {
                best = a[i];
                at = i;
            }
        }
        return at;
    }

    @Vectorize(fastMath = true)
    public static float dotFloat(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Vectorize(fastMath = true)
    public static double dotDouble(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The dot product in strict mode: the additions must keep their order, so the agent computes the
     * products in 256-bit vectors and adds their lanes one at a time (see the agent's
     * {@code VectorCost}). {@link HandKernels#dotFloatStrict} is the same ordered form by hand.
     */
    @Vectorize
    public static float dotFloatStrict(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * A strict double sum of plain loads: the plain loop already runs at the speed of its chain of
     * adds, so the agent's cost stage keeps it scalar ({@code ordered-reduction}).
     * {@link HandKernels#sumDoubleStrict} is the ordered Vector API form all the same.
     */
    @Vectorize
    public static double sumDoubleStrict(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    /**
     * A strict sum of square roots: the element work is slower than the adds, so the cost stage
     * keeps the ordered fold and the run-time measurement decides.
     */
    @Vectorize
    public static double sumSqrtStrict(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.sqrt(a[i]);
        }
        return s;
    }

    @Vectorize
    public static int sumInt(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    @Vectorize
    public static long sumLong(long[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
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
    public static void saxpy(float a, float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = a * x[i] + y[i];
        }
    }

    @Vectorize
    public static void select(float[] a, float[] b, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > b[i] ? a[i] * 2f : b[i] - a[i];
        }
    }

    @Vectorize
    public static void relu(float[] x, float[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.max(0f, x[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static float sumTanh(float[] x) {
        float s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (float) Math.tanh(x[i]);
        }
        return s;
    }

    @Vectorize(fastMath = true)
    public static void sigmoid(float[] x, float[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = 1f / (1f + (float) Math.exp(-x[i]));
        }
    }

    /** European call prices, Black-Scholes, for each spot, strike and time to expiry in years. */
    @Vectorize(fastMath = true)
    public static void blackScholesCall(double[] spot, double[] strike, double[] years,
                                        double rate, double volatility, double[] call) {
        for (int i = 0; i < call.length; i++) {
            double s = spot[i];
            double k = strike[i];
            double t = years[i];
            double volSqrtT = volatility * Math.sqrt(t);
            double d1 = (Math.log(s / k) + (rate + 0.5 * volatility * volatility) * t) / volSqrtT;
            double d2 = d1 - volSqrtT;
            call[i] = s * cnd(d1) - k * Math.exp(-rate * t) * cnd(d2);
        }
    }

    /** The cumulative normal distribution, to about 7.5e-8. */
    static double cnd(double x) {
        double l = Math.abs(x);
        double k = 1.0 / (1.0 + P * l);
        double poly = k * (A1 + k * (A2 + k * (A3 + k * (A4 + k * A5))));
        double w = 1.0 - INV_SQRT_2PI * Math.exp(-l * l / 2) * poly;
        return x < 0 ? 1.0 - w : w;
    }

    /** Three-point moving average of {@code a} into {@code b}, the two end points left alone. */
    @Vectorize
    public static void stencil3(float[] a, float[] b) {
        float third = 1f / 3;
        for (int i = 1; i < a.length - 1; i++) {
            b[i] = (a[i - 1] + a[i] + a[i + 1]) * third;
        }
    }

    /** {@code c += a * b} for row-major {@code n x n} matrices, in i-k-j order. */
    @Vectorize
    public static void matmul(float[] a, float[] b, float[] c, int n) {
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                float aik = a[i * n + k];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
    }

    /**
     * The loop of issue 9 that the Vector API makes slower than the plain JVM: float inputs
     * widened to double lanes for the square root. The agent measures it and keeps the faster form.
     */
    @Vectorize
    public static void hypot(float[] a, float[] b, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.sqrt((double) a[i] * a[i] + (double) b[i] * b[i]);
        }
    }

    /**
     * Numba's first example, {@code go_fast}: the sum of {@code tanh} over the diagonal of an
     * {@code n x n} row-major matrix (a stride of {@code n + 1}), added to every element. Both
     * loops become SIMD: the diagonal as a gather with a built index map, the second as a
     * contiguous add.
     */
    @Vectorize(fastMath = true)
    public static double[] goFast(double[] a, int n, double[] out) {
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += Math.tanh(a[i * n + i]);
        }
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k] + trace;
        }
        return out;
    }

    /** {@code double -> long} casts: 25-100x slower as Vector API code on 128-bit vectors (JDK 17). */
    @Vectorize
    public static void toLong(double[] a, long[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) a[i];
        }
    }

    /** {@code double -> int} casts, saturating as Java's casts do. */
    @Vectorize
    public static void toInt(double[] a, int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) a[i];
        }
    }

    /** A gather: a lookup table read through an index per element. */
    @Vectorize
    public static void gather(float[] table, int[] keys, float[] out) {
        for (int i = 0; i < keys.length; i++) {
            out[i] = table[keys[i]] * 2f;
        }
    }

    /** Every other element: the index steps by 2, so both arrays are read and written at a stride of 2. */
    @Vectorize
    public static void everyOther(float[] a, float[] out) {
        for (int i = 0; i < a.length; i += 2) {
            out[i] = a[i] * 0.5f + 1f;
        }
    }
}
