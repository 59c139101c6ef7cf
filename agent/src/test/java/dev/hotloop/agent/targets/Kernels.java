package dev.hotloop.agent.targets;

import dev.hotloop.Parallel;
import dev.hotloop.Vectorize;

/**
 * Kernels that the equivalence tests run twice, as compiled and as rewritten, on the same inputs.
 * Each loop header carries a {@code // @loop:NAME} marker: strict-mode messages must name it.
 */
public final class Kernels {

    private Kernels() {
    }

    @Vectorize
    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:dot
            s += a[i] * b[i];
        }
        return s;
    }

    @Vectorize
    public static int sum(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sum
            s += a[i];
        }
        return s;
    }

    @Vectorize
    public static void select(float[] a, float t, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:select
            out[i] = a[i] > t ? a[i] : t - a[i];
        }
    }

    @Vectorize
    public static int indexOf(int[] a, int key) {
        for (int i = 0; i < a.length; i++) { // @loop:indexOf
            if (a[i] == key) {
                return i;
            }
        }
        return -1;
    }

    /** Writes {@code out[0..]} until {@code out} is too short, then throws. */
    @Vectorize
    public static void scaleInto(float[] a, float k, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:scaleInto
            out[i] = a[i] * k;
        }
    }

    /** Throws a helpful {@link NullPointerException} on a null array. */
    @Vectorize
    public static double sumSquares(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumSquares
            s += a[i] * a[i];
        }
        return s;
    }

    @Vectorize
    public static int parseAll(String[] s, int[] out) {
        int bad = 0;
        for (int i = 0; i < s.length; i++) { // @loop:parseAll
            try {
                out[i] = Integer.parseInt(s[i]);
            } catch (NumberFormatException e) {
                out[i] = -1;
                bad++;
            }
        }
        return bad;
    }

    @Parallel
    public static void matmul(float[] a, float[] b, float[] c, int n) {
        for (int i = 0; i < n; i++) { // @loop:matmul
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * b[k * n + j];
                }
                c[i * n + j] = s;
            }
        }
    }

    /** Recursive: halves the range down to at most {@link #LEAF} elements, summed by a loop. */
    @Parallel
    public static long sumRange(int[] a, int from, int to) {
        if (to - from <= LEAF) {
            long s = 0;
            for (int i = from; i < to; i++) { // @loop:sumRange
                s += a[i];
            }
            return s;
        }
        int mid = (from + to) >>> 1;
        return sumRange(a, from, mid) + sumRange(a, mid, to);
    }

    /** Leaf size of {@link #sumRange}. */
    public static final int LEAF = 4;

    @Vectorize
    public static long sumLong(long[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumLong
            s += a[i];
        }
        return s;
    }

    /** NaN for an empty array: 0.0 / 0. */
    @Vectorize
    public static double mean(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:mean
            s += a[i];
        }
        return s / a.length;
    }

    @Vectorize
    public static void fill(int[] a, int v) {
        for (int i = 0; i < a.length; i++) { // @loop:fill
            a[i] = v;
        }
    }

    @Vectorize
    public static float[] scaled(float[] a, float k) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) { // @loop:scaled
            out[i] = a[i] * k;
        }
        return out;
    }

    @Vectorize
    public static Object firstLonger(String[] a, int length) {
        for (int i = 0; i < a.length; i++) { // @loop:firstLonger
            if (a[i].length() > length) {
                return a[i];
            }
        }
        return Integer.valueOf(length);
    }

    /** {@code (int)} casts of NaN, infinities and large floats, and integer division by a possible zero. */
    @Vectorize
    public static void toInts(float[] a, int d, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:toInts
            out[i] = (int) a[i] / d;
        }
    }

    @Vectorize
    public static int maxAbs(int[] a) {
        int m = Integer.MIN_VALUE;
        for (int i = a.length - 1; i >= 0; i--) { // @loop:maxAbs
            m = Math.max(m, Math.abs(a[i]));
        }
        return m;
    }
}
