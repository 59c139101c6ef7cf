package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Reductions of a local: every integral operator, strict float/double min and max, and the
 * float/double sums that only {@code fastMath} may reorder.
 */
public final class ReductionKernels {

    private ReductionKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "reduction +"})
    public static int sumInt(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumInt
            s += a[i];
        }
        return s;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD long", "reduction +"})
    public static long sumSquaresLong(long[] a, int from, int to) {
        long s = 7;
        for (int i = from; i < to; i++) { // @loop:sumSquaresLong
            s += a[i] * a[i];
        }
        return s;
    }

    /** Narrowed at every step: still a sum modulo 2^16. */
    @Vectorize
    @Expect(rewritten = true, contains = "reduction +")
    public static short sumShort(short[] a) {
        short s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumShort
            s += a[i];
        }
        return s;
    }

    @Vectorize
    @Expect(rewritten = true, contains = "reduction +")
    public static int sumBytesWidened(byte[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumBytesWidened
            s += a[i];
        }
        return s;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "reduction *"})
    public static int productInt(int[] a) {
        int p = 1;
        for (int i = 0; i < a.length; i++) { // @loop:productInt
            p *= a[i] | 1;
        }
        return p;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "reduction &"})
    public static int andInt(int[] a) {
        int m = -1;
        for (int i = 0; i < a.length; i++) { // @loop:andInt
            m &= a[i];
        }
        return m;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD", "long", "reduction |"})
    public static long orLong(long[] a) {
        long m = 0;
        for (int i = 0; i < a.length; i++) { // @loop:orLong
            m |= a[i] >>> 3;
        }
        return m;
    }

    @Vectorize
    @Expect(rewritten = true, contains = "reduction ^")
    public static byte xorByte(byte[] a) {
        byte x = 0;
        for (int i = 0; i < a.length; i++) { // @loop:xorByte
            x ^= a[i];
        }
        return x;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "reduction min"})
    public static int minInt(int[] a) {
        int m = Integer.MAX_VALUE;
        for (int i = 0; i < a.length; i++) { // @loop:minInt
            m = Math.min(m, a[i]);
        }
        return m;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD long", "reduction max"})
    public static long maxLong(long[] a) {
        long m = Long.MIN_VALUE;
        for (int i = a.length - 1; i >= 0; i--) { // @loop:maxLong
            m = Math.max(a[i], m);
        }
        return m;
    }

    /** NaN wins, and {@code -0.0} is below {@code 0.0}: strict, and still a reduction. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD float", "reduction min"})
    public static float minFloat(float[] a) {
        float m = Float.POSITIVE_INFINITY;
        for (int i = 0; i < a.length; i++) { // @loop:minFloat
            m = Math.min(m, a[i]);
        }
        return m;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD double", "reduction max"})
    public static double maxDouble(double[] a, double[] b) {
        double m = 0.0;
        for (int i = 0; i < a.length; i++) { // @loop:maxDouble
            m = Math.max(m, a[i] - b[i]);
        }
        return m;
    }

    @Vectorize
    @Expect(rewritten = true, contains = "reduction +")
    public static int countAbove(float[] a, float t) {
        int c = 0;
        for (int i = 0; i < a.length; i++) { // @loop:countAbove
            if (a[i] > t) {
                c++;
            }
        }
        return c;
    }

    /** Two reductions in one loop. */
    @Vectorize
    @Expect(rewritten = true, contains = "reduction")
    public static long sumAndMax(int[] a) {
        long s = 0;
        int m = Integer.MIN_VALUE;
        for (int i = 0; i < a.length; i++) { // @loop:sumAndMax
            s += a[i];
            m = Math.max(m, a[i]);
        }
        return s * 31 + m;
    }

    @Vectorize
    @Expect(rewritten = false, contains = "fastMath = true")
    public static float sumFloatStrict(float[] a) {
        float s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumFloatStrict
            s += a[i];
        }
        return s;
    }

    @Vectorize
    @Expect(rewritten = false, contains = "fastMath = true")
    public static double productDoubleStrict(double[] a) {
        double p = 1;
        for (int i = 0; i < a.length; i++) { // @loop:productDoubleStrict
            p *= a[i];
        }
        return p;
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "reduction +", "fastMath"})
    public static double sumDoubleFast(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumDoubleFast
            s += a[i];
        }
        return s;
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "reduction +", "fastMath"})
    public static float sumSquaresFloatFast(float[] a, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) { // @loop:sumSquaresFloatFast
            s += a[i] * a[i];
        }
        return s;
    }

    /** Factors near 1, so that no order of the products overflows or underflows where another does not. */
    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "reduction *", "fastMath"})
    public static double productDoubleFast(double[] a) {
        double p = 1;
        for (int i = 0; i < a.length; i++) { // @loop:productDoubleFast
            p *= 1 + a[i] * 1e-9;
        }
        return p;
    }
}
