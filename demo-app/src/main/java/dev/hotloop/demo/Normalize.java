package dev.hotloop.demo;

import dev.hotloop.Parallel;
import dev.hotloop.Vectorize;

/**
 * Scales each row of a matrix to unit Euclidean length, as done to embeddings before cosine
 * similarity or to feature vectors before clustering.
 *
 * <p>The use case is a loop nest with work at two levels: rows are independent, so the outer loop
 * is {@code @Parallel}; within a row, the sum of squares and the division are SIMD loops. Each
 * annotation sits on the index variable of the loop it targets. A row of zeros stays zeros (its
 * norm is 0, and dividing would give NaN). There is no rescaling against overflow: elements above
 * about 1e154 in magnitude overflow the sum of squares.
 */
final class Normalize {

    private Normalize() {
    }

    /**
     * Writes each row of {@code m} divided by its L2 norm to the same row of {@code out}; a row
     * whose sum of squares is not positive (all zeros, a NaN, or squares that all underflow) is
     * copied unchanged.
     *
     * @param m the input matrix, row-major
     * @param rows the number of rows
     * @param cols the number of columns
     * @param out the output matrix, row-major, same shape
     * @throws IllegalArgumentException if the shape does not match the arrays' lengths
     */
    static void normalizeRows(double[] m, int rows, int cols, double[] out) {
        if (rows < 0 || cols < 0 || (long) rows * cols != m.length || out.length != m.length) {
            throw new IllegalArgumentException("expected " + rows + " x " + cols
                    + " elements, got " + m.length + " and " + out.length);
        }
        for (@Parallel(grain = 16) int r = 0; r < rows; r++) {
            int base = r * cols;
            double sumOfSquares = 0;
            for (@Vectorize(fastMath = true) int j = 0; j < cols; j++) {
                double v = m[base + j];
                sumOfSquares += v * v;
            }
            double norm = sumOfSquares > 0 ? Math.sqrt(sumOfSquares) : 1;
            for (@Vectorize int j = 0; j < cols; j++) {
                out[base + j] = m[base + j] / norm;
            }
        }
    }
}
