package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Exit tests {@code i != end} and {@code short}/{@code byte}/{@code char} indexes (issue #12). Each
 * runs as SIMD code only where the guards prove it is an int loop {@code i < end}: the index
 * reaches the bound exactly, and a narrow index never wraps. Elsewhere the original runs as
 * written: past its arrays (so these kernels throw rather than run for ever), or around its type.
 */
public final class ExitKernels {

    private ExitKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void notEqualUp(int[] a, int[] out, int n) {
        for (int i = 0; i != n; i++) { // @loop:notEqualUp
            out[i] = a[i] * 3 + 1;
        }
    }

    /** from <= to: the guard holds; from = -1 or to = n + 1 (overrun): the original throws as written. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void notEqualFromTo(float[] a, float[] out, float x, int from, int to) {
        for (int i = from; i != to; i++) { // @loop:notEqualFromTo
            out[i] = a[i] * x;
        }
    }

    /** The bound on the left, counting down, a reduction. */
    @Vectorize
    @Expect(rewritten = true, contains = {"int/long", "reduction +"})
    public static long notEqualReversedOperands(long[] a, int last) {
        long s = 0;
        for (int i = last; -1 != i; i--) { // @loop:notEqualReversedOperands
            s += a[i] ^ i;
        }
        return s;
    }

    /**
     * From {@code to} up to {@code from}, which is below it: the guard fails, and the original runs
     * past the end of the arrays, writing up to there and throwing, as written.
     */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void notEqualPastTheBound(int[] a, int[] out, int from, int to) {
        for (int i = to; i != from; i++) { // @loop:notEqualPastTheBound
            out[i] = a[i] - 5;
        }
    }

    /** i += 2 up to n: reached for even n; for odd n the original steps over n and throws. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD double", "gather"})
    public static void notEqualStepTwo(double[] a, double[] out, int n) {
        for (int i = 0; i != n; i += 2) { // @loop:notEqualStepTwo
            out[i] = a[i] + 0.5;
        }
    }

    /** i -= 3 down to -1: reached when n is a multiple of 3; else the original goes below 0 and throws. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "scatter"})
    public static void notEqualDownStepThree(int[] a, int last) {
        for (int i = last; i != -1; i -= 3) { // @loop:notEqualDownStepThree
            a[i] = a[i] * 7;
        }
    }

    /** Tested after the body: from == to runs one iteration and then wraps (throws past the array). */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD short")
    public static void notEqualBottomTested(short[] a, short[] out, int from, int to) {
        int i = from;
        do {
            out[i] = (short) (a[i] + 1); // @loop:notEqualBottomTested
            i++;
        } while (i != to);
    }

    @Vectorize
    @Expect(rewritten = true, contains = "int/float")
    public static void shortIndex(float[] a, float[] out, float x, int n) {
        for (short i = 0; i < n; i++) { // @loop:shortIndex
            out[i] = a[i] * x + i;
        }
    }

    /**
     * A short index from Short.MAX_VALUE - 67: for n above 67 it wraps to -32768 and the original
     * throws at that index, after writing the first 68 elements; for n up to 67 it is an int loop.
     */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void shortIndexNearMax(int[] a, int[] out, int n) {
        for (short i = Short.MAX_VALUE - 67; i < n + (Short.MAX_VALUE - 67); i++) { // @loop:shortIndexNearMax
            out[i - (Short.MAX_VALUE - 67)] = a[i - (Short.MAX_VALUE - 67)] + i;
        }
    }

    /** A byte index to n: from n = 128 on it wraps to -128 and the original throws there. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD byte")
    public static void byteIndex(byte[] a, byte[] out, int n) {
        for (byte i = 0; i < n; i++) { // @loop:byteIndex
            out[i] = (byte) (a[i] ^ i);
        }
    }

    /** A byte index from 100 with i <= bound: wraps from n = 28 on (Byte.MAX_VALUE is 127). */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static int byteIndexInclusiveNearMax(int[] a, int last) {
        int s = 0;
        for (byte i = 100; i <= last + 100; i++) { // @loop:byteIndexInclusiveNearMax
            s += a[i - 100] * i;
        }
        return s;
    }

    /** Both at once: a byte index tested with !=, which from n = 128 on is never reached. */
    @Vectorize
    @Expect(rewritten = true, contains = "int/long")
    public static void byteIndexNotEqual(long[] a, int n) {
        for (byte i = 0; i != n; i++) { // @loop:byteIndexNotEqual
            a[i] = a[i] * 3 - i;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD short")
    public static void charIndex(char[] a, char[] out, int n) {
        for (char c = 0; c < n; c++) { // @loop:charIndex
            out[c] = (char) (a[c] + c);
        }
    }

    /** A short index down by 2 to 0. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "scatter"})
    public static void shortIndexDownStepTwo(int[] a, int last) {
        for (short i = (short) last; i >= 0; i -= 2) { // @loop:shortIndexDownStepTwo
            a[i] += i;
        }
    }

    /** c >= 0 always holds for a char: the loop wraps to 65535 and throws there; refused with the fix. */
    @Vectorize
    @Expect(rewritten = false, contains = "declare c an int")
    public static void charIndexDownToZero(int[] a, int last) {
        for (char c = (char) last; c >= 0; c--) { // @loop:charIndexDownToZero
            a[c] = 1;
        }
    }

    /** A constant bound past Byte.MAX_VALUE: the loop never ends as an int loop would. */
    @Vectorize
    @Expect(rewritten = false, contains = "wraps around at 127")
    public static void byteIndexPastMax(int[] a) {
        for (byte i = 0; i < 200; i++) { // @loop:byteIndexPastMax
            a[i] = i;
        }
    }

    /** i != n with n changed by the loop: no bound, refused. */
    @Vectorize
    @Expect(rewritten = false, contains = "i != n")
    public static void notEqualMovingBound(int[] a, int n) {
        for (int i = 0; i != n; i++) { // @loop:notEqualMovingBound
            a[i] = 1;
            n = a.length - (i & 1);
        }
    }
}
