package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Casts from {@code float} and {@code double} to every other element type: {@code (int)} of NaN is 0,
 * of a huge value the extreme {@code int}; {@code (short)} and {@code (byte)} narrow that {@code int};
 * {@code (float)} of a double rounds, overflows to infinity and underflows to subnormals and zero.
 */
public final class FloatingConversionKernels {

    private FloatingConversionKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void floatToDouble(float[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:floatToDouble
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void floatToInt(float[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:floatToInt
            out[i] = (int) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void floatToLong(float[] a, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:floatToLong
            out[i] = (long) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void floatToShort(float[] a, short[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:floatToShort
            out[i] = (short) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void floatToByte(float[] a, byte[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:floatToByte
            out[i] = (byte) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void doubleToFloat(double[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:doubleToFloat
            out[i] = (float) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void doubleToInt(double[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:doubleToInt
            out[i] = (int) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void doubleToLong(double[] a, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:doubleToLong
            out[i] = (long) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void doubleToShort(double[] a, short[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:doubleToShort
            out[i] = (short) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void doubleToByte(double[] a, byte[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:doubleToByte
            out[i] = (byte) a[i];
        }
    }
}
