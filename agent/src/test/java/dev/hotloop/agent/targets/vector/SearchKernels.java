package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Search loops that leave on the first match ({@code return}, {@code break}): the SIMD code
 * compares a block, finds the first lane that matches, and the original loop runs that iteration.
 * Equal-heavy inputs ({@code a[i] & 3}, {@code a[i] * 0f}) make matches in every lane and the tail
 * common; NaN never equals.
 */
public final class SearchKernels {

    private SearchKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "early exit"})
    public static int indexOf(int[] a, int key) {
        for (int i = 0; i < a.length; i++) { // @loop:indexOf
            if (a[i] == key) {
                return i;
            }
        }
        return -1;
    }

    /** Matches are common: about one element in four. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "early exit"})
    public static int indexOfLowBits(int[] a, int n) {
        for (int i = 0; i < n; i++) { // @loop:indexOfLowBits
            if ((a[i] & 3) == 0) {
                return i;
            }
        }
        return -1;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD float", "early exit"})
    public static boolean anyAbove(float[] a, float limit) {
        for (int i = 0; i < a.length; i++) { // @loop:anyAbove
            if (a[i] > limit) {
                return true;
            }
        }
        return false;
    }

    /** -0.0 == 0.0: the first zero of either sign; NaN never matches. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD double", "early exit"})
    public static int firstZero(double[] a, int from, int to) {
        for (int i = from; i < to; i++) { // @loop:firstZero
            if (a[i] * 0.0 == a[i] && a[i] * 1e-300 == 0.0) {
                return i;
            }
        }
        return -2;
    }

    /** {@code break}, the index used after the loop. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD long", "early exit"})
    public static int breakAtNegative(long[] a) {
        int i;
        for (i = 0; i < a.length; i++) { // @loop:breakAtNegative
            if (a[i] >> 62 == -1) {
                break;
            }
        }
        return i;
    }

    /** Counting down: the last match in index order is the first one found. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD", "early exit"})
    public static int lastIndexOf(short[] a, int key) {
        for (int i = a.length - 1; i >= 0; i--) { // @loop:lastIndexOf
            if ((a[i] & 7) == (key & 7)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code found = i; break;}: the local is set after the loop's last iteration, by the original. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD double", "early exit"})
    public static int firstNegative(double[] a) {
        int found = -1;
        for (int i = 0; i < a.length; i++) { // @loop:firstNegative
            if (a[i] < 0) {
                found = i;
                break;
            }
        }
        return found;
    }

    /** Two arrays, two ways out. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD", "early exit"})
    public static int firstDifference(byte[] a, byte[] b, int n) {
        for (int i = 0; i < n; i++) { // @loop:firstDifference
            if (a[i] != b[i]) {
                return i;
            }
            if (a[i] == 127) {
                return -i - 10;
            }
        }
        return -1;
    }

    /** A local of the iteration, read only before the test: nothing of it outlives the loop. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD", "early exit"})
    public static int firstSquareAbove(int[] a, int limit) {
        for (int i = 0; i < a.length; i++) { // @loop:firstSquareAbove
            int sq = a[i] * a[i];
            if (sq > limit) {
                return i;
            }
        }
        return a.length;
    }

    /** Writes before the exit: the SIMD code could not stop before the iteration that leaves. */
    @Vectorize
    @Expect(rewritten = false)
    public static int copyUntilZero(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) { // @loop:copyUntilZero
            b[i] = a[i];
            if (a[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A sum with an exit: refused. */
    @Vectorize
    @Expect(rewritten = false)
    public static int sumUntilNegative(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumUntilNegative
            if (a[i] < 0) {
                break;
            }
            s += a[i];
        }
        return s;
    }
}
