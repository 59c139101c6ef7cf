package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Every {@code Math} function that {@code fastMath} turns into a Vector API lane operation, on float
 * and double lanes in turn; each is compared within its {@link Ulps} bound. Without {@code fastMath}
 * the same call keeps the loop scalar.
 */
public final class MathKernels {

    private MathKernels() {
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "fastMath"}, ulps = Ulps.EXP)
    public static void expFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:expFloat
            out[i] = (float) Math.exp(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "fastMath"}, ulps = Ulps.LOG)
    public static void logDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:logDouble
            out[i] = Math.log(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "fastMath"}, ulps = Ulps.LOG10)
    public static void log10Float(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:log10Float
            out[i] = (float) Math.log10(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "fastMath"}, ulps = Ulps.LOG1P)
    public static void log1pDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:log1pDouble
            out[i] = Math.log1p(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "fastMath"}, ulps = Ulps.EXPM1)
    public static void expm1Float(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:expm1Float
            out[i] = (float) Math.expm1(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "fastMath"}, ulps = Ulps.POW)
    public static void powDouble(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:powDouble
            out[i] = Math.pow(a[i], b[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "fastMath"}, ulps = Ulps.SIN)
    public static void sinFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:sinFloat
            out[i] = (float) Math.sin(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "fastMath"}, ulps = Ulps.COS)
    public static void cosDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:cosDouble
            out[i] = Math.cos(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "fastMath"}, ulps = Ulps.TAN)
    public static void tanFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:tanFloat
            out[i] = (float) Math.tan(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "fastMath"}, ulps = Ulps.SINH)
    public static void sinhDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:sinhDouble
            out[i] = Math.sinh(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "fastMath"}, ulps = Ulps.COSH)
    public static void coshFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:coshFloat
            out[i] = (float) Math.cosh(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "fastMath"}, ulps = Ulps.TANH)
    public static void tanhDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:tanhDouble
            out[i] = Math.tanh(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "fastMath"}, ulps = Ulps.ASIN)
    public static void asinFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:asinFloat
            out[i] = (float) Math.asin(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "fastMath"}, ulps = Ulps.ACOS)
    public static void acosDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:acosDouble
            out[i] = Math.acos(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "fastMath"}, ulps = Ulps.ATAN)
    public static void atanFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:atanFloat
            out[i] = (float) Math.atan(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "fastMath"}, ulps = Ulps.ATAN2)
    public static void atan2Double(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:atan2Double
            out[i] = Math.atan2(a[i], b[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "fastMath"}, ulps = Ulps.CBRT)
    public static void cbrtFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:cbrtFloat
            out[i] = (float) Math.cbrt(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "fastMath"}, ulps = Ulps.HYPOT)
    public static void hypotDouble(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:hypotDouble
            out[i] = Math.hypot(a[i], b[i]);
        }
    }

    /** The same call without {@code fastMath}: the JVM's result must be kept to the bit. */
    @Vectorize
    @Expect(rewritten = false, contains = "fastMath")
    public static void expStrict(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:expStrict
            out[i] = Math.exp(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = false, contains = "fastMath")
    public static void tanhStrict(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:tanhStrict
            out[i] = (float) Math.tanh(a[i]);
        }
    }
}
