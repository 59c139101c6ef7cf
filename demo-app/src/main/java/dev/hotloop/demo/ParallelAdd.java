package dev.hotloop.demo;

import dev.hotloop.Parallel;
import java.util.List;

/**
 * Joblib's introductory example in Java: apply a function to many independent pairs on every
 * core.
 *
 * <pre>{@code
 * results = Parallel(n_jobs=-1)(delayed(add)(x, y) for x, y in pairs)
 * }</pre>
 *
 * <p>The use case is an embarrassingly parallel map, written as a plain loop. {@code @Parallel}
 * on the method splits its outermost loop over the shared pool; each iteration writes only its
 * own element, so the results are the same for any number of threads. {@link #add} is memory
 * bound and shows the floor of what splitting buys; {@link #magnitude} does more work per pair;
 * {@link #addPairs} takes its pairs from a {@code List}, as Joblib takes them from an iterable.
 */
final class ParallelAdd {

    private ParallelAdd() {
    }

    /**
     * Writes {@code x[i] + y[i]} to {@code out[i]}.
     *
     * @param x the first operands
     * @param y the second operands, at least as long as {@code out}
     * @param out the sums
     */
    @Parallel
    static void add(double[] x, double[] y, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] + y[i];
        }
    }

    /**
     * Writes the length of the vector {@code (x[i], y[i])} to {@code out[i]}.
     *
     * @param x the first coordinates
     * @param y the second coordinates, at least as long as {@code out}
     * @param out the lengths
     */
    @Parallel(grain = 4096)
    static void magnitude(double[] x, double[] y, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.sqrt(x[i] * x[i] + y[i] * y[i]);
        }
    }

    /**
     * Returns the sum of each pair, in list order.
     *
     * @param pairs arrays of two elements each
     * @return {@code p[0] + p[1]} for each pair {@code p}
     */
    @Parallel
    static double[] addPairs(List<double[]> pairs) {
        double[] out = new double[pairs.size()];
        for (int i = 0; i < out.length; i++) {
            double[] p = pairs.get(i);
            out[i] = p[0] + p[1];
        }
        return out;
    }
}
