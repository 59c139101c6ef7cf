package dev.hotloop.agent.targets;

import dev.hotloop.Parallel;
import dev.hotloop.Vectorize;

/**
 * Annotation values out of their documented ranges beside valid ones: each invalid one is refused
 * with its value and range, and the valid methods of the same class keep their rewrites.
 */
public final class AttributeValuesTarget {

    private AttributeValuesTarget() {
    }

    @Vectorize
    public static void fine(float[] a, float k) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= k;
        }
    }

    /** Valid; broken on purpose by a test's strategy. */
    @Vectorize(unroll = 16)
    public static void alsoFine(float[] a, float k) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= k;
        }
    }

    /** Valid; broken on purpose by a test's strategy. */
    @Parallel(threads = 1, grain = 1)
    public static void fineToo(float[] a, float k) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= k;
        }
    }

    @Vectorize(unroll = 1000)
    public static void hugeUnroll(float[] a, float k) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= k;
        }
    }

    @Vectorize(unroll = Integer.MAX_VALUE)
    public static void maxUnroll(float[] a, float k) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= k;
        }
    }

    @Vectorize(unroll = -3)
    public static void negativeUnroll(float[] a, float k) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= k;
        }
    }

    @Parallel(threads = 0)
    public static void zeroThreads(float[] a, float k) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= k;
        }
    }

    @Parallel(grain = -5)
    public static void negativeGrain(float[] a, float k) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= k;
        }
    }

    @Parallel
    public static void fineParallel(float[] a, float k) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= k;
        }
    }
}
