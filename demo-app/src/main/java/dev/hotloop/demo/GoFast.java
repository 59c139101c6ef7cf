package dev.hotloop.demo;

import dev.hotloop.Vectorize;

/**
 * The example from Numba's "5 minute guide": add {@code tanh} of the diagonal to every element.
 *
 * <pre>{@code
 * @jit(nopython=True)
 * def go_fast(a):
 *     trace = 0.0
 *     for i in range(a.shape[0]):
 *         trace += np.tanh(a[i, i])
 *     return a + trace
 * }</pre>
 *
 * <p>The Java form keeps the square matrix row-major in one {@code double[]}, the layout numeric
 * Java code uses for speed. The use case is a small numeric kernel that mixes a transcendental
 * reduction with an elementwise pass. {@code fastMath} lets the agent reassociate the trace and run
 * {@code tanh} as a vector lane operation. The diagonal loop reads with stride {@code n + 1}, a step
 * known only at run time, which the agent gathers (the measured tier choice keeps the scalar loop
 * where the gather is slower); the elementwise loop is a plain SIMD candidate.
 */
final class GoFast {

    private GoFast() {
    }

    /**
     * Returns {@code a[k] + trace} for every element, where {@code trace} is the sum of
     * {@code Math.tanh} over the diagonal.
     *
     * @param a an {@code n x n} matrix, row-major
     * @param n the number of rows and columns
     * @return a new array of {@code n * n} elements
     * @throws IllegalArgumentException if {@code a.length != n * n}
     */
    @Vectorize(fastMath = true)
    static double[] goFast(double[] a, int n) {
        if (n < 0 || (long) n * n != a.length) {
            throw new IllegalArgumentException(
                    "expected " + n + " x " + n + " elements, got " + a.length);
        }
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += Math.tanh(a[i * n + i]);
        }
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k] + trace;
        }
        return out;
    }
}
