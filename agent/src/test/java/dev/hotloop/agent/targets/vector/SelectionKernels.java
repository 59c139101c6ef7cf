package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Max and min by comparison ({@code if (x > best) best = x}) and argmax/argmin
 * ({@code if (a[i] > best) { best = a[i]; at = i; }}): the first of equal values wins under
 * {@code >} and {@code <}, the last under {@code >=} and {@code <=}, NaN never wins. Terms such
 * as {@code a[i] * 0f} make every value a tie between {@code -0.0} and {@code 0.0} (and NaN), and
 * {@code a[i] & 7} makes integer ties common.
 */
public final class SelectionKernels {

    private SelectionKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "reduction max"})
    public static int maxIfInt(int[] a) {
        int best = Integer.MIN_VALUE;
        for (int i = 0; i < a.length; i++) { // @loop:maxIfInt
            if (a[i] > best) {
                best = a[i];
            }
        }
        return best;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD long", "reduction min"})
    public static long minIfLong(long[] a, long m) {
        for (int i = 0; i < a.length; i++) { // @loop:minIfLong
            if (a[i] <= m) {
                m = a[i];
            }
        }
        return m;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"float", "max"})
    public static float maxIfFloat(float[] a) {
        float best = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) { // @loop:maxIfFloat
            if (a[i] > best) {
                best = a[i];
            }
        }
        return best;
    }

    /** The best starts as any value: NaN (never replaced), -0.0, an infinity. */
    @Vectorize
    @Expect(rewritten = true, contains = {"float", "max"})
    public static float maxIfFloatFrom(float[] a, float best) {
        for (int i = 0; i < a.length; i++) { // @loop:maxIfFloatFrom
            if (best < a[i]) {
                best = a[i];
            }
        }
        return best;
    }

    /** Every candidate is -0.0, 0.0 or NaN: which zero comes first decides the result. */
    @Vectorize
    @Expect(rewritten = true, contains = {"float", "max"})
    public static float maxOfZeros(float[] a, float best) {
        for (int i = 0; i < a.length; i++) { // @loop:maxOfZeros
            if (a[i] * 0f > best) {
                best = a[i] * 0f;
            }
        }
        return best;
    }

    /** {@code <=}: the last of the equal zeros wins, and ties with the entry value replace it. */
    @Vectorize
    @Expect(rewritten = true, contains = {"double", "min"})
    public static double minOfZerosOrEqual(double[] a, double m) {
        for (int i = 0; i < a.length; i++) { // @loop:minOfZerosOrEqual
            if (a[i] * 0.0 <= m) {
                m = a[i] * 0.0;
            }
        }
        return m;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"double", "min"})
    public static double minIfDouble(double[] a, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) { // @loop:minIfDouble
            if (a[i] < m) {
                m = a[i];
            }
        }
        return m;
    }

    /** A further condition that does not read the best. */
    @Vectorize
    @Expect(rewritten = true, contains = {"float", "max"})
    public static float maxWhere(float[] a, float[] w) {
        float best = -1f;
        for (int i = 0; i < a.length; i++) { // @loop:maxWhere
            if (a[i] > best && w[i] > 0) {
                best = a[i];
            }
        }
        return best;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD", "argmax"})
    public static long argmaxFloat(float[] a) {
        float best = Float.NEGATIVE_INFINITY;
        int at = -1;
        for (int i = 0; i < a.length; i++) { // @loop:argmaxFloat
            if (a[i] > best) {
                best = a[i];
                at = i;
            }
        }
        return (long) at << 32 | Float.floatToRawIntBits(best) & 0xffffffffL;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD", "argmax"})
    public static long argmaxOfZeros(double[] a, double best) {
        int at = -7;
        for (int i = 0; i < a.length; i++) { // @loop:argmaxOfZeros
            if (a[i] * 0.0 > best) {
                best = a[i] * 0.0;
                at = i;
            }
        }
        return at * 31L + Double.doubleToRawLongBits(best);
    }

    /** Ties are common; the first wins. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "argmin"})
    public static int argminInt(int[] a) {
        int m = Integer.MAX_VALUE;
        int at = 0;
        for (int i = 0; i < a.length; i++) { // @loop:argminInt
            if ((a[i] & 7) < m) {
                m = a[i] & 7;
                at = i;
            }
        }
        return at * 8 + m;
    }

    /** {@code >=}: the last of the ties wins. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "argmax"})
    public static int argmaxIntLast(int[] a, int best) {
        int at = -1;
        for (int i = 0; i < a.length; i++) { // @loop:argmaxIntLast
            if (a[i] >> 29 >= best) {
                best = a[i] >> 29;
                at = i;
            }
        }
        return at * 16 + best;
    }

    /** Counting down, the first iteration has the highest index. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD", "argmin"})
    public static long argminDown(long[] a) {
        long m = Long.MAX_VALUE;
        int at = -1;
        for (int i = a.length - 1; i >= 0; i--) { // @loop:argminDown
            if (a[i] >> 60 < m) {
                m = a[i] >> 60;
                at = i;
            }
        }
        return m * 1_000_003L + at;
    }

    /** Counting down with {@code >=}: the last iteration, the lowest index, wins ties. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD", "argmax"})
    public static long argmaxDownLast(float[] a, float best) {
        int at = -1;
        for (int i = a.length - 1; i >= 0; i--) { // @loop:argmaxDownLast
            if (a[i] * 0f >= best) {
                best = a[i] * 0f;
                at = i;
            }
        }
        return (long) at << 32 | Float.floatToRawIntBits(best) & 0xffffffffL;
    }

    /** Two companions, one of another type, one an index expression. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD", "argmax"})
    public static double argmaxWithValues(double[] a, double[] b, int from, int to) {
        double best = 0;
        double other = -1;
        int next = 0;
        for (int i = from; i < to; i++) { // @loop:argmaxWithValues
            if (a[i] > best) {
                best = a[i];
                other = b[i];
                next = i + 1;
            }
        }
        return best + 3 * other + next;
    }

    /** {@code !(x <= best)} holds on NaN: not a selection. */
    @Vectorize
    @Expect(rewritten = false)
    public static float maxOrNaN(float[] a) {
        float best = 0;
        for (int i = 0; i < a.length; i++) { // @loop:maxOrNaN
            if (!(a[i] <= best)) {
                best = a[i];
            }
        }
        return best;
    }
}
