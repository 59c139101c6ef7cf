package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Array dependences at a constant distance (issue #12): a read of what the loop wrote {@code d}
 * iterations before runs as SIMD code with at most {@code d} lanes (a chunk stores before the next
 * one loads), and is refused where no vector of the loop's types is that short; reads ahead of the
 * writes need nothing.
 */
public final class DistanceKernels {

    private DistanceKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int x4")
    public static void distanceFour(int[] a, int[] b, int n) {
        for (int i = 0; i < n - 4; i++) { // @loop:distanceFour
            a[i + 4] = a[i] * 3 + b[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void distanceEight(double[] a, double x, int n) {
        for (int i = 8; i < n; i++) { // @loop:distanceEight
            a[i] = a[i - 8] * x + 1.0;
        }
    }

    /** Falling: a[i - 3] written from a[i], read 3 iterations later; three lanes round down to two. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD long x2")
    public static void fallingDistanceThree(long[] a, int last) {
        for (int i = last; i >= 3; i--) { // @loop:fallingDistanceThree
            a[i - 3] = a[i] + a[i - 3] * 5;
        }
    }

    /** Under i += 2, a[i + 8] is read 4 iterations after it is written. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD short/int x4", "gather", "scatter"})
    public static void stepTwoDistanceFour(short[] a, int n) {
        for (int i = 0; i < n - 8; i += 2) { // @loop:stepTwoDistanceFour
            a[i + 8] = (short) (a[i] ^ 0x55);
        }
    }

    /** Reads ahead of the writes (an anti-dependence): any lane count. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void readAhead(float[] a, int n) {
        for (int i = 0; i < n - 1; i++) { // @loop:readAhead
            a[i] = a[i + 1] * 0.5f;
        }
    }

    /** Distance 4 in bytes: four byte lanes are 32 bits, shorter than any vector. */
    @Vectorize
    @Expect(rewritten = false, contains = "loop-carried dependence")
    public static void byteDistanceFour(byte[] a, int n) {
        for (int i = 4; i < n; i++) { // @loop:byteDistanceFour
            a[i] = (byte) (a[i - 4] + 1);
        }
    }

    /** Two reads of earlier writes, 2 and 1 iterations back: the nearer one decides, and refuses. */
    @Vectorize
    @Expect(rewritten = false, contains = "loop-carried dependence")
    public static void fibonacci(long[] a, int n) {
        for (int i = 2; i < n; i++) { // @loop:fibonacci
            a[i] = a[i - 1] + a[i - 2];
        }
    }
}
