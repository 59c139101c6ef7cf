package dev.hotloop.agent.targets;

import dev.hotloop.Parallel;
import dev.hotloop.Vectorize;

/**
 * One method per planning rule. Loop header lines carry {@code // @loop:NAME} markers.
 */
@SuppressWarnings("unused")
public final class PlanTargets {

    private PlanTargets() {
    }

    @Vectorize
    public static void vectorizeNest(float[][] m, float k) {
        for (int r = 0; r < m.length; r++) { // @loop:vectorizeNest.outer
            for (int c = 0; c < m[r].length; c++) { // @loop:vectorizeNest.inner
                m[r][c] *= k;
            }
        }
    }

    @Parallel
    public static void parallelNest(float[][] m, float k) {
        for (int r = 0; r < m.length; r++) { // @loop:parallelNest.outer
            for (int c = 0; c < m[r].length; c++) { // @loop:parallelNest.inner
                m[r][c] *= k;
            }
        }
    }

    /** Two loops whose index variables share one local slot; only the second is annotated. */
    public static void secondLoopOnly(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) { // @loop:secondLoopOnly.first
            a[i] += 1;
        }
        for (@Vectorize(fastMath = true) int i = 0; i < b.length; i++) { // @loop:secondLoopOnly.second
            b[i] *= 2;
        }
    }

    /** The first loop only, by its index, while the method holds two loops. */
    public static void firstLoopOnly(float[] a, float[] b) {
        for (@Parallel(grain = 64) int i = 0; i < a.length; i++) { // @loop:firstLoopOnly.first
            a[i] += 1;
        }
        for (int j = 0; j < b.length; j++) { // @loop:firstLoopOnly.second
            b[j] *= 2;
        }
    }

    @Vectorize
    public static int noLoop(int a, int b) {
        return a * b;
    }

    /** javac records this {@code @Vectorize} twice: on the method, and on its return type. */
    @Vectorize
    public static float nonVoid(float[] a) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) { // @loop:nonVoid
            max = Math.max(max, a[i]);
        }
        return max;
    }

    @Vectorize
    public static void siblings(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) { // @loop:siblings.first
            a[i] = -a[i];
        }
        for (int i = 0; i < b.length; i++) { // @loop:siblings.second
            b[i] = -b[i];
        }
    }

    @Parallel(threads = 4, grain = 1024)
    @Vectorize(unroll = 2)
    public static void both(float[][] m) {
        for (int r = 0; r < m.length; r++) { // @loop:both.outer
            for (int c = 0; c < m[r].length; c++) { // @loop:both.inner
                m[r][c] += r;
            }
        }
    }

    public static int variableDrivesNoLoop(int[] a) {
        @Vectorize int k = a.length * 2;
        return k + 1;
    }

    @Vectorize
    public static void mixed(int[] a, float f, long[] l, String s, double[][] d) {
        for (int i = 0; i < a.length; i++) { // @loop:mixed
            a[i] += (int) f;
        }
    }
}
