package dev.hotloop.bench.vector;

import java.util.SplittableRandom;

/** Reproducible pseudo-random arrays for the vector benchmark and its tests. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * @param n    length
     * @param seed seed of the generator
     * @param from smallest value
     * @param to   bound of the values, excluded
     * @return {@code n} uniform floats in {@code [from, to)}
     */
    public static float[] floats(int n, long seed, float from, float to) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextDouble(from, to);
        }
        return a;
    }

    /**
     * @param n    length
     * @param seed seed of the generator
     * @param from smallest value
     * @param to   bound of the values, excluded
     * @return {@code n} uniform doubles in {@code [from, to)}
     */
    public static double[] doubles(int n, long seed, double from, double to) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextDouble(from, to);
        }
        return a;
    }

    /**
     * @param n    length
     * @param seed seed of the generator
     * @return {@code n} ints over their whole range, so that sums overflow
     */
    public static int[] ints(int n, long seed) {
        return new SplittableRandom(seed).ints(n).toArray();
    }

    /**
     * @param n    length
     * @param seed seed of the generator
     * @return {@code n} longs over their whole range, so that sums overflow
     */
    public static long[] longs(int n, long seed) {
        return new SplittableRandom(seed).longs(n).toArray();
    }

    /**
     * @param n     length
     * @param seed  seed of the generator
     * @param bound the length of the array they index
     * @return {@code n} indexes uniform in {@code [0, bound)}
     */
    public static int[] indexes(int n, long seed, int bound) {
        return new SplittableRandom(seed).ints(n, 0, Math.max(1, bound)).toArray();
    }
}
