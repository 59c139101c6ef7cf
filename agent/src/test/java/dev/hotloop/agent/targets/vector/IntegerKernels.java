package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Integer arithmetic where Java's rules matter: wrap-around, shift distances taken modulo the
 * width of the promoted type, sub-int lanes promoted to {@code int} before a shift, and division
 * by zero, which must throw where the original loop throws.
 */
public final class IntegerKernels {

    private IntegerKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void mulAddInt(int[] a, int[] b, int c, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:mulAddInt
            out[i] = a[i] * b[i] + c;
        }
    }

    /** The distance {@code s} is any int: Java uses {@code s & 31}. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void shiftsInt(int[] a, int s, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:shiftsInt
            out[i] = (a[i] << s) ^ (a[i] >> s + 1) ^ (a[i] >>> s - 1);
        }
    }

    /** An int distance on long lanes: Java uses {@code s & 63}. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD", "long"})
    public static void shiftsLong(long[] a, int s, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:shiftsLong
            out[i] = (a[i] >>> s) + (a[i] << -s) - (a[i] >> 63);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void variableShift(int[] a, int[] b, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:variableShift
            out[i] = a[i] << b[i] | a[i] >>> b[i];
        }
    }

    /** A negative byte is sign-extended to int before {@code >>>}: not a byte-lane unsigned shift. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD byte")
    public static void unsignedShiftByte(byte[] a, byte[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:unsignedShiftByte
            out[i] = (byte) (a[i] >>> 3);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD short")
    public static void shiftShort(short[] a, int s, short[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:shiftShort
            out[i] = (short) ((a[i] >> s) + (a[i] << 9));
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD byte")
    public static void mulByte(byte[] a, byte[] b, byte[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:mulByte
            out[i] = (byte) (a[i] * b[i] - 1);
        }
    }

    /** {@code d == 0} throws before any write; {@code MIN_VALUE / -1} wraps. */
    @Vectorize
    @Expect(rewritten = false, contains = "integer division")
    public static void divideInt(int[] a, int d, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:divideInt
            out[i] = a[i] / d;
        }
    }

    /** A zero element of {@code b} throws after the writes before it. */
    @Vectorize
    @Expect(rewritten = false, contains = "integer division")
    public static void remainderInt(int[] a, int[] b, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:remainderInt
            out[i] = a[i] % b[i];
        }
    }

    @Vectorize
    @Expect(rewritten = false, contains = "integer division")
    public static void divideLong(long[] a, long[] b, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:divideLong
            out[i] = a[i] / (b[i] | 1) + a[i] % 7;
        }
    }

    @Vectorize
    @Expect(rewritten = false, contains = "integer division")
    public static void divideByConstant(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:divideByConstant
            out[i] = a[i] / 3 - a[i] % 16;
        }
    }

    /** {@code Math.abs(Integer.MIN_VALUE)} is negative. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void absMinMaxInt(int[] a, int[] b, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:absMinMaxInt
            out[i] = Math.min(Math.abs(a[i]), Math.max(b[i], -100));
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD long")
    public static void absMinMaxLong(long[] a, long v, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:absMinMaxLong
            out[i] = Math.max(Math.abs(a[i]), v) - Math.min(a[i], v);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void bitsInt(int[] a, int[] b, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:bitsInt
            out[i] = ~a[i] & (b[i] | 0x0f0f) ^ -a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD short")
    public static void addShortWrap(short[] a, short[] b, short[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:addShortWrap
            out[i] = (short) (a[i] + b[i] + 30000);
        }
    }
}
