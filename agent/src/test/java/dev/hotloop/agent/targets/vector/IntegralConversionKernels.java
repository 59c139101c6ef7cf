package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Casts from {@code int}, {@code long}, {@code short} and {@code byte} to every other element type:
 * widening sign-extends, narrowing keeps the low bits, and {@code (float)} of a large
 * {@code int} or {@code long} rounds to nearest even.
 */
public final class IntegralConversionKernels {

    private IntegralConversionKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void intToFloat(int[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:intToFloat
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void intToDouble(int[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:intToDouble
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void intToLong(int[] a, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:intToLong
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void intToShort(int[] a, short[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:intToShort
            out[i] = (short) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void intToByte(int[] a, byte[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:intToByte
            out[i] = (byte) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void longToFloat(long[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:longToFloat
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void longToDouble(long[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:longToDouble
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void longToInt(long[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:longToInt
            out[i] = (int) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void longToShort(long[] a, short[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:longToShort
            out[i] = (short) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void longToByte(long[] a, byte[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:longToByte
            out[i] = (byte) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void shortToFloat(short[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:shortToFloat
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void shortToDouble(short[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:shortToDouble
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void shortToInt(short[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:shortToInt
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void shortToLong(short[] a, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:shortToLong
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void shortToByte(short[] a, byte[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:shortToByte
            out[i] = (byte) a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void byteToFloat(byte[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:byteToFloat
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void byteToDouble(byte[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:byteToDouble
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void byteToInt(byte[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:byteToInt
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void byteToLong(byte[] a, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:byteToLong
            out[i] = a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void byteToShort(byte[] a, short[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:byteToShort
            out[i] = a[i];
        }
    }
}
