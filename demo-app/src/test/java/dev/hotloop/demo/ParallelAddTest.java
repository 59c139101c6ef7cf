package dev.hotloop.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelAddTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 17, 100_000})
    void addAndMagnitudeMatchTheReferenceBitForBit(int n) {
        double[] x = Inputs.doubles(n, 1);
        double[] y = Inputs.doubles(n, 2);
        double[] sums = new double[n];
        double[] lengths = new double[n];
        for (int i = 0; i < n; i++) {
            sums[i] = x[i] + y[i];
            lengths[i] = Math.sqrt(x[i] * x[i] + y[i] * y[i]);
        }
        double[] out = new double[n];
        ParallelAdd.add(x, y, out);
        assertArrayEquals(sums, out);
        ParallelAdd.magnitude(x, y, out);
        assertArrayEquals(lengths, out);
    }

    @Test
    void addPairsKeepsListOrder() {
        List<double[]> pairs = Inputs.pairs(10_000, 3);
        double[] out = ParallelAdd.addPairs(pairs);
        assertEquals(pairs.size(), out.length);
        for (int i = 0; i < out.length; i++) {
            assertEquals(pairs.get(i)[0] + pairs.get(i)[1], out[i], "pair " + i);
        }
    }

    @Test
    void addPairsOfNothingIsEmpty() {
        assertEquals(0, ParallelAdd.addPairs(List.of()).length);
    }

    @Test
    void specialValuesFollowIeeeRules() {
        double[] x = {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 3};
        double[] y = {1, Double.NEGATIVE_INFINITY, -0.0, 4};
        double[] out = new double[4];
        ParallelAdd.add(x, y, out);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, -0.0, 7}, out);
        ParallelAdd.magnitude(x, y, out);
        assertArrayEquals(new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0.0, 5}, out);
    }
}
