package dev.hotloop.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reproducible inputs for the examples: every array comes from a {@link SplittableRandom} with a
 * fixed seed, so two runs of the demo (with and without the agent, on any JDK) see the same
 * numbers and their checksums can be compared.
 */
final class Inputs {

    /** The seed of the first input; later inputs of one example add 1, 2, ... to it. */
    static final long SEED = 0x5EED_2024L;

    private Inputs() {
    }

    /**
     * Returns {@code n} doubles uniform in {@code [-1, 1)}.
     *
     * @param n the number of elements
     * @param seed the random seed
     * @return a new array
     */
    static double[] doubles(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextDouble(-1, 1);
        }
        return a;
    }

    /**
     * Returns {@code n} floats uniform in {@code [-1, 1)}.
     *
     * @param n the number of elements
     * @param seed the random seed
     * @return a new array
     */
    static float[] floats(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
        }
        return a;
    }

    /**
     * Returns {@code n} ints drawn from the whole int range, so that sums overflow and wrap.
     *
     * @param n the number of elements
     * @param seed the random seed
     * @return a new array
     */
    static int[] ints(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextInt();
        }
        return a;
    }

    /**
     * Returns {@code n} pairs {@code {x, y}} of doubles uniform in {@code [-1, 1)}.
     *
     * @param n the number of pairs
     * @param seed the random seed
     * @return a new list of two-element arrays
     */
    static List<double[]> pairs(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pairs.add(new double[] {random.nextDouble(-1, 1), random.nextDouble(-1, 1)});
        }
        return pairs;
    }
}
