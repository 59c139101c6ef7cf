package dev.hotloop.agent.targets.fastmath;

import dev.hotloop.Vectorize;

/**
 * One {@code fastMath} kernel per {@code Math} function that the agent turns into a Vector API lane
 * operation, on double lanes ({@code NAMEDouble}) and on float lanes ({@code NAMEFloat}, the
 * function of a float widened to double and narrowed back): the targets of
 * {@code FastMathSpecialValuesTest}, which feeds them NaN, infinities, zeros of both signs,
 * subnormals and the arguments of {@code Math}'s documented special cases. Keep them in step with
 * the approximate operations of {@code dev.hotloop.agent.vector.Op}.
 */
public final class FastMathSpecialKernels {

    private FastMathSpecialKernels() {
    }

    @Vectorize(fastMath = true)
    public static void expDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.exp(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void expFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.exp(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void logDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.log(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void logFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.log(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void log10Double(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.log10(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void log10Float(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.log10(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void log1pDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.log1p(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void log1pFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.log1p(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void expm1Double(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.expm1(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void expm1Float(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.expm1(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void sinDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.sin(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void sinFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.sin(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void cosDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.cos(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void cosFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.cos(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void tanDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.tan(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void tanFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.tan(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void sinhDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.sinh(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void sinhFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.sinh(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void coshDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.cosh(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void coshFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.cosh(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void tanhDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.tanh(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void tanhFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.tanh(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void asinDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.asin(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void asinFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.asin(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void acosDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.acos(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void acosFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.acos(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void atanDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.atan(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void atanFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.atan(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void cbrtDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.cbrt(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void cbrtFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.cbrt(a[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void powDouble(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.pow(a[i], b[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void powFloat(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.pow(a[i], b[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void atan2Double(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.atan2(a[i], b[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void atan2Float(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.atan2(a[i], b[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void hypotDouble(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.hypot(a[i], b[i]);
        }
    }

    @Vectorize(fastMath = true)
    public static void hypotFloat(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.hypot(a[i], b[i]);
        }
    }
}
