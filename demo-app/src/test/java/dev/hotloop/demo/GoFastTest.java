package dev.hotloop.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoFastTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 17})
    void addsTheTraceOfTanhToEveryElement(int n) {
        double[] a = Inputs.doubles(n * n, n);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += Math.tanh(a[i * n + i]);
        }
        double[] out = GoFast.goFast(a, n);
        assertEquals(a.length, out.length);
        // fastMath allows another order of additions and vector tanh: compare with a tolerance.
        double tolerance = 1e-12 * n;
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k] + trace, out[k], tolerance, "element " + k);
        }
    }

    @Test
    void numbaGuideExample() {
        // go_fast(np.arange(100).reshape(10, 10)): the diagonal is 0, 11, ..., 99.
        double[] a = new double[100];
        for (int k = 0; k < a.length; k++) {
            a[k] = k;
        }
        double trace = 0;
        for (int i = 0; i < 10; i++) {
            trace += Math.tanh(11.0 * i);
        }
        double[] out = GoFast.goFast(a, 10);
        assertEquals(9.0, trace, 1e-9);
        assertEquals(trace, out[0], 1e-12);
        assertEquals(99 + trace, out[99], 1e-12);
    }

    @Test
    void leavesTheInputAlone() {
        double[] a = {1, 2, 3, 4};
        GoFast.goFast(a, 2);
        assertArrayEquals(new double[] {1, 2, 3, 4}, a);
    }

    @Test
    void emptyMatrixGivesEmptyResult() {
        assertEquals(0, GoFast.goFast(new double[0], 0).length);
    }

    @Test
    void rejectsANonSquareLength() {
        assertThrows(IllegalArgumentException.class, () -> GoFast.goFast(new double[5], 2));
        assertThrows(IllegalArgumentException.class, () -> GoFast.goFast(new double[0], -1));
    }
}
