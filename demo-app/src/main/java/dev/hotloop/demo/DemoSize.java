package dev.hotloop.demo;

/**
 * How big the inputs are and how many calls are timed. {@link #FULL} keeps the whole demo to a few
 * seconds on a 2-core machine without the agent; {@link #QUICK} is a smoke run for tests.
 *
 * @param matrixN rows and columns of the {@code goFast} matrix
 * @param elements length of the arrays of {@code step}, {@code add}, {@code dot} and {@code sum}
 * @param pairs number of pairs of {@code addPairs}
 * @param rows rows of the matrix to normalise
 * @param cols columns of the matrix to normalise
 * @param warmups unmeasured calls after the first
 * @param runs measured calls
 */
record DemoSize(int matrixN, int elements, int pairs, int rows, int cols, int warmups, int runs) {

    /** The default run. */
    static final DemoSize FULL = new DemoSize(1000, 1 << 20, 1 << 18, 4096, 256, 10, 15);

    /** A tiny run, for tests. */
    static final DemoSize QUICK = new DemoSize(17, 1000, 100, 9, 33, 1, 3);
}
