package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/** The kernels of the benchmark table, as a user would write them. */
public final class BenchmarkKernels {

    private static final double A1 = 0.31938153;
    private static final double A2 = -0.356563782;
    private static final double A3 = 1.781477937;
    private static final double A4 = -1.821255978;
    private static final double A5 = 1.330274429;
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private BenchmarkKernels() {
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "reduction +", "fastMath"})
    public static float dotFloat(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:dotFloat
            s += a[i] * b[i];
        }
        return s;
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "reduction +", "fastMath"})
    public static double dotDouble(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:dotDouble
            s += a[i] * b[i];
        }
        return s;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "reduction +"})
    public static int sumInts(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumInts
            s += a[i];
        }
        return s;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD long", "reduction +"})
    public static long sumLongs(long[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumLongs
            s += a[i];
        }
        return s;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD float", "reduction max"})
    public static float maxAbs(float[] a) {
        float m = 0;
        for (int i = 0; i < a.length; i++) { // @loop:maxAbs
            m = Math.max(m, Math.abs(a[i]));
        }
        return m;
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void saxpy(float alpha, float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) { // @loop:saxpy
            y[i] += alpha * x[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void select(float[] a, float[] b, float t, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:select
            out[i] = a[i] > t ? a[i] : b[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void relu(float[] a) {
        for (int i = 0; i < a.length; i++) { // @loop:relu
            a[i] = Math.max(a[i], 0f);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "reduction +", "fastMath"}, ulps = Ulps.TANH)
    public static float sumTanh(float[] a) {
        float s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumTanh
            s += (float) Math.tanh(a[i]);
        }
        return s;
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "fastMath"}, ulps = Ulps.SIGMOID)
    public static void sigmoid(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:sigmoid
            out[i] = 1f / (1f + (float) Math.exp(-a[i]));
        }
    }

    /** Cumulative normal distribution (Abramowitz and Stegun 26.2.17), inlined into the loop. */
    private static double cnd(double x) {
        double l = Math.abs(x);
        double k = 1.0 / (1.0 + 0.2316419 * l);
        double poly = k * (A1 + k * (A2 + k * (A3 + k * (A4 + k * A5))));
        double w = 1.0 - INV_SQRT_2PI * Math.exp(-l * l / 2) * poly;
        return x < 0 ? 1.0 - w : w;
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "fastMath"}, ulps = Ulps.EXP,
            absolute = Ulps.BLACK_SCHOLES_ABSOLUTE)
    public static void blackScholes(double[] spot, double[] strike, double[] time, double rate, double vol,
                                    double[] call) {
        for (int i = 0; i < spot.length; i++) { // @loop:blackScholes
            double sqrtT = Math.sqrt(time[i]);
            double d1 = (Math.log(spot[i] / strike[i]) + (rate + 0.5 * vol * vol) * time[i]) / (vol * sqrtT);
            double d2 = d1 - vol * sqrtT;
            call[i] = spot[i] * cnd(d1) - strike[i] * Math.exp(-rate * time[i]) * cnd(d2);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void stencil3(float[] a, float[] out) {
        for (int i = 1; i < a.length - 1; i++) { // @loop:stencil3
            out[i] = (a[i - 1] + a[i] + a[i + 1]) * (1f / 3);
        }
    }

    /** The inner loop of a row-major matmul, one row of C at a time. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void matmulRow(float[] a, float[] b, float[] c, int rows, int n) {
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < rows; k++) {
                for (int j = 0; j < n; j++) { // @loop:matmulRow
                    c[i * n + j] += a[i * n + k] * b[k * n + j];
                }
            }
        }
    }
}
