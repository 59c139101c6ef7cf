package dev.hotloop.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalizeTest {

    @Test
    void rowsBecomeUnitVectorsInTheSameDirection() {
        int rows = 37;
        int cols = 19;
        double[] m = Inputs.doubles(rows * cols, 7);
        double[] out = new double[m.length];
        Normalize.normalizeRows(m, rows, cols, out);
        for (int r = 0; r < rows; r++) {
            double norm = 0;
            double outNorm = 0;
            for (int j = 0; j < cols; j++) {
                norm += m[r * cols + j] * m[r * cols + j];
                outNorm += out[r * cols + j] * out[r * cols + j];
            }
            norm = Math.sqrt(norm);
            assertEquals(1, outNorm, 1e-14, "row " + r);
            for (int j = 0; j < cols; j++) {
                assertEquals(m[r * cols + j] / norm, out[r * cols + j], 1e-15, "row " + r);
            }
        }
    }

    @Test
    void aZeroRowStaysZeroInsteadOfNaN() {
        double[] m = {3, 4, 0, -0.0, 0, 0};
        double[] out = new double[m.length];
        Normalize.normalizeRows(m, 3, 2, out);
        // Bitwise: -0.0 stays -0.0, and no NaN appears.
        assertArrayEquals(new double[] {0.6, 0.8, 0, -0.0, 0, 0}, out);
    }

    @Test
    void aRowWithNaNIsCopiedUnchanged() {
        double[] m = {Double.NaN, 1};
        double[] out = new double[2];
        Normalize.normalizeRows(m, 1, 2, out);
        assertArrayEquals(m, out);
    }

    @Test
    void emptyShapesAreAccepted() {
        Normalize.normalizeRows(new double[0], 0, 5, new double[0]);
        Normalize.normalizeRows(new double[0], 5, 0, new double[0]);
    }

    @Test
    void rejectsAShapeThatDoesNotMatch() {
        assertThrows(IllegalArgumentException.class,
                () -> Normalize.normalizeRows(new double[6], 2, 2, new double[6]));
        assertThrows(IllegalArgumentException.class,
                () -> Normalize.normalizeRows(new double[6], 2, 3, new double[5]));
        assertThrows(IllegalArgumentException.class,
                () -> Normalize.normalizeRows(new double[0], -1, 0, new double[0]));
    }
}
