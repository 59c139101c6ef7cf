package dev.hotloop.agent.targets;

import dev.hotloop.Vectorize;

/**
 * Loops for the coverage-probe tests, loaded through JaCoCo's instrumenter first: probes on the
 * path of every iteration, under a condition the test makes true for no, one (first, middle or
 * last), some or every iteration, under a nested condition, in both arms of a selection and in an
 * inlined method; the
 * bound {@code n} may exceed the arrays, so an iteration in the middle throws.
 */
public final class ProbeTargets {

    private ProbeTargets() {
    }

    @Vectorize
    public static int countMarked(int[] a, int n) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == 1) {
                c++;
            }
        }
        return c;
    }

    @Vectorize
    public static void markedOrNot(int[] a, int[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] == 1 ? 10 : a[i] == 2 ? 20 : -1;
        }
    }

    @Vectorize
    public static void nested(int[] a, int[] out, int n) {
        for (int i = 0; i < n; i++) {
            int v = a[i];
            if (v != 0) {
                if (v == 2) {
                    v = 7;
                }
                v = v * 3;
            }
            out[i] = v;
        }
    }

    @Vectorize
    public static void inlined(int[] a, int[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = tripled(a[i]);
        }
    }

    private static int tripled(int v) {
        if (v == 2) {
            return 21;
        }
        return v * 3;
    }

    @Vectorize
    public static void downward(float[] x, float[] out, int n) {
        for (int i = n - 1; i >= 0; i--) {
            out[i] = x[i] > 1.5f ? x[i] : 0f;
        }
    }
}
