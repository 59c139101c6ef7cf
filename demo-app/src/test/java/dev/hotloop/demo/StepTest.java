package dev.hotloop.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepTest {

    private static final double[] SPECIAL = {
        Double.NaN, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1, -1, Double.MAX_VALUE, -Double.MAX_VALUE,
    };
    private static final double[] EXPECTED = {0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0};

    @Test
    void specialDoublesStepToPositiveZeroOrOne() {
        double[] out = new double[SPECIAL.length];
        Step.stepAll(SPECIAL, out);
        // assertArrayEquals on doubles compares bits, so a -0.0 result would fail here.
        assertArrayEquals(EXPECTED, out);
    }

    @Test
    void specialFloatsStepToPositiveZeroOrOne() {
        float[] x = new float[SPECIAL.length];
        float[] expected = new float[SPECIAL.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) SPECIAL[i];
            expected[i] = (float) EXPECTED[i];
        }
        x[3] = Float.MIN_VALUE;
        x[4] = -Float.MIN_VALUE;
        float[] out = new float[x.length];
        Step.stepAll(x, out);
        assertArrayEquals(expected, out);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 17, 1000})
    void stepAllMatchesTheReference(int n) {
        double[] x = Inputs.doubles(n, n);
        float[] xf = Inputs.floats(n, n);
        double[] expected = new double[n];
        float[] expectedF = new float[n];
        for (int i = 0; i < n; i++) {
            expected[i] = x[i] > 0 ? 1 : 0;
            expectedF[i] = xf[i] > 0 ? 1 : 0;
        }
        double[] out = new double[n];
        float[] outF = new float[n];
        Step.stepAll(x, out);
        Step.stepAll(xf, outF);
        assertArrayEquals(expected, out);
        assertArrayEquals(expectedF, outF);
    }

    @Test
    void aLongerOutputKeepsItsTail() {
        double[] out = {9, 9, 9};
        Step.stepAll(new double[] {1, -1}, out);
        assertArrayEquals(new double[] {1, 0, 9}, out);
    }

    @Test
    void aShorterOutputThrowsAfterWritingWhatFits() {
        double[] out = {9};
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> Step.stepAll(new double[] {1, 1}, out));
        assertEquals(1, out[0]);
    }
}
