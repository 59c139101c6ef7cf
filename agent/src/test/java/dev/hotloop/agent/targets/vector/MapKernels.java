package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/** Element-wise maps over every element type, bound shape and offset that DESIGN §2 allows. */
public final class MapKernels {

    private static final float[] RAMP = new float[4096];
    private static float[] gain = new float[4096];

    static {
        for (int i = 0; i < RAMP.length; i++) {
            RAMP[i] = i * 0.25f - 7;
            gain[i] = 1.0f / (i + 1);
        }
    }

    private MapKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void addFloat(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:addFloat
            out[i] = a[i] + b[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void mulDouble(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:mulDouble
            out[i] = a[i] * b[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void divFloat(float[] a, float[] b, float[] out) {
        for (int i = 0; i < out.length; i++) { // @loop:divFloat
            out[i] = a[i] / b[i] - 1.5f;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void fmaFloat(float[] a, float[] b, float[] c, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:fmaFloat
            out[i] = Math.fma(a[i], b[i], c[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void sqrtAbsDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:sqrtAbsDouble
            out[i] = Math.sqrt(Math.abs(a[i])) + Math.sqrt(a[i]);
        }
    }

    /** {@code Math.min}/{@code max} order {@code -0.0} below {@code 0.0} and return NaN for NaN. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void clampDouble(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:clampDouble
            out[i] = Math.min(a[i], Math.max(b[i], -0.0));
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD long")
    public static void addLong(long[] a, long[] b, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:addLong
            out[i] = a[i] + b[i] * 3;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD short")
    public static void negShort(short[] a, short[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:negShort
            out[i] = (short) -a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD byte")
    public static void addByte(byte[] a, byte[] b, byte[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:addByte
            out[i] = (byte) (a[i] + b[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void scaleRange(float[] a, float k, int from, int to) {
        for (int i = from; i < to; i++) { // @loop:scaleRange
            a[i] *= k;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void addInclusive(int[] a, int v, int last) {
        for (int i = 0; i <= last; i++) { // @loop:addInclusive
            a[i] = a[i] + v;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void twiceDown(double[] a, double[] out) {
        for (int i = a.length - 1; i >= 0; i--) { // @loop:twiceDown
            out[i] = a[i] * 2 + 1;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void difference(float[] a, float[] out, int n) {
        for (int i = 0; i < n - 1; i++) { // @loop:difference
            out[i] = a[i + 1] - a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void shiftedCopy(int[] a, int[] out) {
        for (int i = 0; i < a.length - 2; i++) { // @loop:shiftedCopy
            out[i + 2] = a[i] ^ 5;
        }
    }

    /** A true dependence at distance {@code off} when {@code off} is positive and below the lanes. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void shiftForward(float[] a, float k, int off, int n) {
        for (int i = 0; i < n - off; i++) { // @loop:shiftForward
            a[off + i] = a[i] * k;
        }
    }

    /** An anti-dependence: reads ahead of the writes when {@code off} is positive. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void shiftBack(int[] a, int off, int n) {
        for (int i = 0; i < n - off; i++) { // @loop:shiftBack
            a[i] = a[off + i] + 1;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void finalFieldArray(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:finalFieldArray
            out[i] = a[i] * RAMP[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void staticFieldArray(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:staticFieldArray
            out[i] = a[i] - gain[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD short")
    public static void fillShort(short[] a, short v) {
        for (int i = 0; i < a.length; i++) { // @loop:fillShort
            a[i] = v;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD", "long"})
    public static void bitsLong(long[] a, long[] b, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:bitsLong
            out[i] = (a[i] & b[i]) | (~a[i] ^ b[i] >>> 7);
        }
    }
}
