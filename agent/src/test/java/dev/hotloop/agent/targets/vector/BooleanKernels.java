package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * {@code boolean[]} arrays (issue #12): loaded and stored as byte lanes of 0 and 1; a loaded
 * boolean tested as a mask, a comparison stored as a boolean.
 */
public final class BooleanKernels {

    private BooleanKernels() {
    }

    /** A comparison stored as a boolean. */
    @Vectorize
    @Expect(rewritten = true, contains = "boolean")
    public static void above(int[] a, boolean[] flags, int t, int n) {
        for (int i = 0; i < n; i++) { // @loop:above
            flags[i] = a[i] > t;
        }
    }

    /** A boolean loaded as a mask for a sum. */
    @Vectorize
    @Expect(rewritten = true, contains = {"boolean", "reduction +"})
    public static int maskedSum(boolean[] flags, int[] a, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) { // @loop:maskedSum
            if (flags[i]) {
                sum += a[i];
            }
        }
        return sum;
    }

    @Vectorize
    @Expect(rewritten = true, contains = "boolean")
    public static void choose(boolean[] flags, float[] x, float[] y, float[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:choose
            out[i] = flags[i] ? x[i] : y[i];
        }
    }

    /** Negation and conjunction of boolean arrays, in place over the first. */
    @Vectorize
    @Expect(rewritten = true, contains = "boolean")
    public static void andNot(boolean[] a, boolean[] b, int n) {
        for (int i = 0; i < n; i++) { // @loop:andNot
            a[i] = a[i] && !b[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"boolean", "reduction +"})
    public static int countTrue(boolean[] flags, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) { // @loop:countTrue
            if (flags[i]) {
                count++;
            }
        }
        return count;
    }

    /** A boolean from a char comparison: both new element types at once. */
    @Vectorize
    @Expect(rewritten = true, contains = {"boolean", "char"})
    public static void isUpperAscii(char[] s, boolean[] upper, int n) {
        for (int i = 0; i < n; i++) { // @loop:isUpperAscii
            upper[i] = s[i] >= 'A' && s[i] <= 'Z';
        }
    }

    /** A copy, reversed: true and false must both survive. */
    @Vectorize
    @Expect(rewritten = true, contains = "boolean")
    public static void reverseFlags(boolean[] a, boolean[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:reverseFlags
            out[i] = a[n - 1 - i];
        }
    }

    /** An invariant boolean, read once and broadcast. */
    @Vectorize
    @Expect(rewritten = true, contains = "int")
    public static void firstFlagSigns(boolean[] flags, int[] a, int[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:firstFlagSigns
            out[i] = flags[0] ^ flags[i] ? a[i] : -a[i];
        }
    }

    /**
     * A count under {@code flag && comparison}: javac's two branches leave the count as
     * {@code !f ? c : (f && a <= 0) ? c : c + 1}, a sum under the conjunction of both masks.
     */
    @Vectorize
    @Expect(rewritten = true, contains = {"boolean", "reduction +"})
    public static int countBoth(boolean[] flags, int[] a, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) { // @loop:countBoth
            if (flags[i] && a[i] > 0) {
                count++;
            }
        }
        return count;
    }

    /** A long sum under {@code comparison && !flag}, the other way round. */
    @Vectorize
    @Expect(rewritten = true, contains = {"boolean", "reduction +"})
    public static long sumUnflagged(boolean[] flags, int[] a, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) { // @loop:sumUnflagged
            if (a[i] > 0 && !flags[i]) {
                sum += a[i];
            }
        }
        return sum;
    }

    /**
     * A flag raised in the array the loop also reads (fuzz seed 70002914): the SIMD form raises
     * flags after its chunk, so the read of {@code flags[0]} in the first iteration would see the
     * flag down; refused. (The equivalence tests run it: no rewrite, no difference.)
     */
    @Vectorize
    @Expect(rewritten = false, contains = "flag")
    public static void flagThenRead(boolean[] flags, double[] a, int n) {
        for (int i = 0; i < n; i++) { // @loop:flagThenRead
            if (a[i] >= 0) {
                flags[0] = true;
            }
            if (flags[i]) {
                a[i] = 0;
            }
        }
    }

    /**
     * A flag raised in one array while the loop writes another boolean[], which may be the same
     * one (seed 70006230): rewritten under a guard that they are not.
     */
    @Vectorize
    @Expect(rewritten = true, contains = "boolean")
    public static void flagAndOtherFlags(boolean[] flags, boolean[] other, int[] a, int n) {
        for (int i = 0; i < n; i++) { // @loop:flagAndOtherFlags
            if (a[i] < 0) {
                flags[0] = true;
            }
            other[i] = a[i] > 1;
        }
    }

    /**
     * A flag whose condition reads an element the loop then overwrites (fuzz seed 70081932): the
     * SIMD loop raises flags after the chunk's stores, so it must test the condition before them.
     */
    @Vectorize
    @Expect(rewritten = true, contains = "reduction +")
    public static double flagBeforeOverwrite(long[] a, boolean[] seen, int limit, int n) {
        double s = 0;
        for (int i = n - 1; i >= 0; i--) { // @loop:flagBeforeOverwrite
            s += limit;
            if (a[i] <= limit) {
                seen[0] = true;
            }
            a[i] = 28;
        }
        return s;
    }
}
