package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * JDK methods with bit-exact lane forms: {@code Integer/Long.bitCount},
 * {@code numberOfLeadingZeros}, {@code numberOfTrailingZeros}, {@code reverse},
 * {@code reverseBytes} (and {@code Short}/{@code Character.reverseBytes}), {@code Math.floor},
 * {@code ceil}, {@code rint}, {@code signum} and {@code copySign}, with their {@code StrictMath}
 * twins; compared bit for bit on every special value.
 */
public final class BitKernels {

    private BitKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void bitCountInt(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:bitCountInt
            out[i] = Integer.bitCount(a[i]);
        }
    }

    /** Counted in long lanes, then narrowed to int lanes. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void bitCountLong(long[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:bitCountLong
            out[i] = Long.bitCount(a[i]);
        }
    }

    /** A population count over an array: a sum of bitCounts. */
    @Vectorize
    @Expect(rewritten = true, contains = "reduction +")
    public static int popCountSum(long[] a) {
        int sum = 0;
        for (int i = 0; i < a.length; i++) { // @loop:popCountSum
            sum += Long.bitCount(a[i]);
        }
        return sum;
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void leadingZerosInt(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:leadingZerosInt
            out[i] = Integer.numberOfLeadingZeros(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int/long")
    public static void leadingZerosLong(long[] a, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:leadingZerosLong
            out[i] = Long.numberOfLeadingZeros(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void trailingZerosInt(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:trailingZerosInt
            out[i] = Integer.numberOfTrailingZeros(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void trailingZerosLong(long[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:trailingZerosLong
            out[i] = Long.numberOfTrailingZeros(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void reverseInt(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:reverseInt
            out[i] = Integer.reverse(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD long")
    public static void reverseLong(long[] a, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:reverseLong
            out[i] = Long.reverse(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void reverseBytesInt(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:reverseBytesInt
            out[i] = Integer.reverseBytes(a[i]) ^ a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD long")
    public static void reverseBytesLong(long[] a, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:reverseBytesLong
            out[i] = Long.reverseBytes(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD short")
    public static void reverseBytesShort(short[] a, short[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:reverseBytesShort
            out[i] = Short.reverseBytes(a[i]);
        }
    }

    /** The swapped short is sign-extended, as Short.reverseBytes returns it. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void reverseBytesShortWidened(short[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:reverseBytesShortWidened
            out[i] = Short.reverseBytes(a[i]) + 1;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void reverseBytesChar(char[] a, char[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:reverseBytesChar
            out[i] = Character.reverseBytes(a[i]);
        }
    }

    /** The swapped char is zero-extended, as Character.reverseBytes returns it. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void reverseBytesCharWidened(char[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:reverseBytesCharWidened
            out[i] = Character.reverseBytes(a[i]) - 1;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void floorDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:floorDouble
            out[i] = Math.floor(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void ceilDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:ceilDouble
            out[i] = Math.ceil(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void rintDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:rintDouble
            out[i] = Math.rint(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void strictFloorCeilRint(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:strictFloorCeilRint
            out[i] = StrictMath.floor(a[i]) + StrictMath.ceil(a[i]) * 2 + StrictMath.rint(a[i]) * 4;
        }
    }

    /** A float widened, rounded down and narrowed: double lanes. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void floorOfFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:floorOfFloat
            out[i] = (float) Math.floor(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void signumFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:signumFloat
            out[i] = Math.signum(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void signumDouble(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:signumDouble
            out[i] = StrictMath.signum(a[i]) * a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void copySignFloat(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:copySignFloat
            out[i] = Math.copySign(a[i], b[i]);
        }
    }

    /** A NaN sign gives its sign bit. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void copySignDouble(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:copySignDouble
            out[i] = Math.copySign(a[i], b[i]);
        }
    }

    /** StrictMath.copySign takes a NaN sign as positive. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void strictCopySignDouble(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:strictCopySignDouble
            out[i] = StrictMath.copySign(a[i], b[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void strictCopySignFloat(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:strictCopySignFloat
            out[i] = StrictMath.copySign(a[i], b[i]);
        }
    }

    /** Both kinds of intrinsic in one loop, under a mask. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD")
    public static void roundedBelowThreshold(double[] a, double x, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:roundedBelowThreshold
            out[i] = Math.floor(a[i]) < x ? Integer.bitCount(out[i]) : Integer.numberOfTrailingZeros(out[i]);
        }
    }

    /** Loop-invariant calls: computed once before the loop by the JDK methods themselves, then broadcast. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void hoistedBitCounts(int[] a, int c, long d, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:hoistedBitCounts
            out[i] = a[i] + Integer.bitCount(c) + Long.numberOfTrailingZeros(d) + Short.reverseBytes((short) c);
        }
    }

    /** Loop-invariant rounding and signs next to per-element ones. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void hoistedRounding(double[] a, double x, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:hoistedRounding
            out[i] = a[i] * Math.floor(x) + Math.copySign(Math.rint(a[i]), StrictMath.signum(x));
        }
    }

    /** StrictMath.copySign counts a NaN sign as positive, so a computed sign is fine. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void strictCopySignOfProduct(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:strictCopySignOfProduct
            out[i] = StrictMath.copySign(a[i], a[i] * b[i] - b[i]);
        }
    }
}
