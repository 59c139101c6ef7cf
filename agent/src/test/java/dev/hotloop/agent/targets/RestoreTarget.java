package dev.hotloop.agent.targets;

import dev.hotloop.Vectorize;

/**
 * Methods whose tiered loops settle on their original form (OriginalBodyTest): one loop, two loops
 * in one method, and a loop behind a try block, whose handler table must come back too.
 */
public final class RestoreTarget {

    private RestoreTarget() {
    }

    @Vectorize
    public static void saxpy(float a, float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = a * x[i] + y[i];
        }
    }

    @Vectorize
    public static int twoLoops(int[] a, int[] out) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] * 3 + 1;
        }
        return s;
    }

    @Vectorize
    public static long guarded(long[] a) {
        long s = 0;
        try {
            for (int i = 0; i < a.length; i++) {
                s += a[i] * a[i];
            }
        } catch (NullPointerException e) {
            return -1;
        }
        return s;
    }
}
