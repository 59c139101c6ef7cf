package dev.hotloop.bench.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written Vector API kernels compute what the scalar ones do, so that the benchmark's
 * ceiling is a fair one. Strict kernels must agree bit for bit (NaN, -0.0, infinities and integer
 * overflow included); fastMath kernels within the bounds stated on each test. Sizes cover the
 * empty array, a vector minus, plus and exactly one for 4, 8 and 16 lanes, four vectors (the
 * unrolled reductions) and odd tails.
 */
class HandKernelsTest {

    private static final float[] FLOAT_SPECIALS = {
        Float.NaN, -0.0f, 0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -Float.MIN_NORMAL,
    };

    static IntStream sizes() {
        return IntStream.of(0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1000, 1003);
    }

    static IntStream matrixSizes() {
        return IntStream.of(0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 33);
    }

    // --- strict: bit for bit ---------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("sizes")
    void sumIntIsExactIncludingOverflow(int n) {
        int[] a = Inputs.ints(n, n);
        assertEquals(ScalarKernels.sumInt(a), HandKernels.sumInt(a));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void sumLongIsExactIncludingOverflow(int n) {
        long[] a = Inputs.longs(n, n);
        assertEquals(ScalarKernels.sumLong(a), HandKernels.sumLong(a));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void indexOfFindsTheFirstMatch(int n) {
        int[] a = Inputs.ints(n, n);
        for (int i = 0; i < n; i++) {
            a[i] &= 15; // repeats: the first one counts
        }
        for (int key = -1; key < 16; key++) {
            assertEquals(ScalarKernels.indexOf(a, key), HandKernels.indexOf(a, key), "key " + key);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void argmaxOfDistinctValues(int n) {
        float[] a = Inputs.floats(n, n, -4f, 4f);
        assertEquals(ScalarKernels.argmax(a), HandKernels.argmax(a));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void maxAbsIsBitExact(int n) {
        float[] a = Inputs.floats(n, n, -4f, 4f);
        assertEquals(ScalarKernels.maxAbs(a), HandKernels.maxAbs(a));
        float[] special = withSpecials(a, 1);
        assertEquals(ScalarKernels.maxAbs(special), HandKernels.maxAbs(special));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void maxAbsFindsTheLargestElementWhereverItIs(int n) {
        for (int at = 0; at < n; at += Math.max(1, n / 7)) {
            float[] a = Inputs.floats(n, n, -1f, 1f);
            a[at] = -9f;
            assertEquals(9f, HandKernels.maxAbs(a), "largest at " + at);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void saxpyIsBitExact(int n) {
        for (float[] x : floatInputs(n)) {
            float[] expected = Inputs.floats(n, n + 1, -4f, 4f);
            float[] actual = expected.clone();
            ScalarKernels.saxpy(1.5f, x, expected);
            HandKernels.saxpy(1.5f, x, actual);
            assertArrayEquals(expected, actual);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void selectIsBitExact(int n) {
        for (float[] a : floatInputs(n)) {
            float[] b = withSpecials(Inputs.floats(n, n + 2, -4f, 4f), 2);
            float[] expected = new float[n];
            float[] actual = new float[n];
            ScalarKernels.select(a, b, expected);
            HandKernels.select(a, b, actual);
            assertArrayEquals(expected, actual);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void reluIsBitExact(int n) {
        for (float[] x : floatInputs(n)) {
            float[] expected = new float[n];
            float[] actual = new float[n];
            ScalarKernels.relu(x, expected);
            HandKernels.relu(x, actual);
            assertArrayEquals(expected, actual);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void stencil3IsBitExactAndLeavesTheEndsAlone(int n) {
        for (float[] a : floatInputs(n)) {
            float[] expected = Inputs.floats(n, n + 3, -1f, 1f);
            float[] actual = expected.clone();
            ScalarKernels.stencil3(a, expected);
            HandKernels.stencil3(a, actual);
            assertArrayEquals(expected, actual);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void gatherIsBitExact(int n) {
        for (float[] table : floatInputs(n)) {
            int[] keys = Inputs.indexes(n, n + 5, n);
            float[] expected = new float[n];
            float[] actual = new float[n];
            ScalarKernels.gather(table, keys, expected);
            HandKernels.gather(table, keys, actual);
            assertArrayEquals(expected, actual);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void everyOtherIsBitExactAndLeavesTheOddElementsAlone(int n) {
        for (float[] a : floatInputs(n)) {
            float[] expected = Inputs.floats(n, n + 7, -1f, 1f);
            float[] actual = expected.clone();
            ScalarKernels.everyOther(a, expected);
            HandKernels.everyOther(a, actual);
            assertArrayEquals(expected, actual);
        }
    }

    @ParameterizedTest
    @MethodSource("matrixSizes")
    void matmulIsBitExact(int n) {
        float[] a = Inputs.floats(n * n, n, -1f, 1f);
        float[] b = Inputs.floats(n * n, n + 1, -1f, 1f);
        float[] expected = Inputs.floats(n * n, n + 2, -1f, 1f);
        float[] actual = expected.clone();
        ScalarKernels.matmul(a, b, expected, n);
        HandKernels.matmul(a, b, actual, n);
        assertArrayEquals(expected, actual);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void strictDotIsBitExact(int n) {
        for (float[] a : floatInputs(n)) {
            float[] b = withSpecials(Inputs.floats(n, n + 4, -4f, 4f), 3);
            float expected = ScalarKernels.dotFloatStrict(a, b);
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(HandKernels.dotFloatStrict(a, b)));
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void strictDoubleSumsAreBitExact(int n) {
        double[] a = Inputs.doubles(n, n + 5, 0, 1e6);
        assertEquals(Double.doubleToRawLongBits(ScalarKernels.sumDoubleStrict(a)), Double.doubleToRawLongBits(HandKernels.sumDoubleStrict(a)));
        assertEquals(Double.doubleToRawLongBits(ScalarKernels.sumSqrtStrict(a)), Double.doubleToRawLongBits(HandKernels.sumSqrtStrict(a)));
    }

    // --- fastMath: within stated bounds ------------------------------------------------------------

    /** Small integers: every product and partial sum is exact, so any order gives the same sum. */
    @ParameterizedTest
    @MethodSource("sizes")
    void dotProductsOfSmallIntegersAreExact(int n) {
        float[] af = smallIntegers(n, 1);
        float[] bf = smallIntegers(n, 2);
        assertEquals(ScalarKernels.dotFloat(af, bf), HandKernels.dotFloat(af, bf));
        double[] ad = toDoubles(af);
        double[] bd = toDoubles(bf);
        assertEquals(ScalarKernels.dotDouble(ad, bd), HandKernels.dotDouble(ad, bd));
    }

    /**
     * Both orders of a sum of n terms err by at most (n - 1) u times the sum of their magnitudes
     * (u = half an ulp of 1): they differ by at most (n + 2) ulp(1) times that sum.
     */
    @ParameterizedTest
    @MethodSource("sizes")
    void dotProductsAgreeWithinTheReassociationBound(int n) {
        float[] af = Inputs.floats(n, n, -1f, 1f);
        float[] bf = Inputs.floats(n, n + 1, -1f, 1f);
        double magnitude = 0;
        for (int i = 0; i < n; i++) {
            magnitude += Math.abs(af[i] * bf[i]);
        }
        assertWithin(ScalarKernels.dotFloat(af, bf), HandKernels.dotFloat(af, bf),
                (n + 2) * Math.ulp(1f) * magnitude);

        double[] ad = Inputs.doubles(n, n, -1, 1);
        double[] bd = Inputs.doubles(n, n + 1, -1, 1);
        magnitude = 0;
        for (int i = 0; i < n; i++) {
            magnitude += Math.abs(ad[i] * bd[i]);
        }
        assertWithin(ScalarKernels.dotDouble(ad, bd), HandKernels.dotDouble(ad, bd),
                (n + 2) * Math.ulp(1.0) * magnitude);
    }

    /** Reassociation as for the dot product, plus a few ulps of each tanh: (n + 2) ulp(1) sum |tanh|. */
    @ParameterizedTest
    @MethodSource("sizes")
    void sumTanhAgreesWithinTheReassociationBound(int n) {
        float[] x = Inputs.floats(n, n, -3f, 3f);
        double magnitude = 0;
        for (int i = 0; i < n; i++) {
            magnitude += Math.abs(Math.tanh(x[i]));
        }
        assertWithin(ScalarKernels.sumTanh(x), HandKernels.sumTanh(x), (n + 2) * Math.ulp(1f) * magnitude);
    }

    /**
     * go_fast: the trace's sum reassociated as for sumTanh (n + 2 ulps of 1 times the sum of
     * |tanh|, plus a few ulps of each tanh), then added to each element exactly as the scalar loop
     * adds its own trace: each element within that bound plus half an ulp of the result.
     */
    @ParameterizedTest
    @MethodSource("matrixSizes")
    void goFastAgreesWithinTheReassociationBound(int n) {
        double[] a = Inputs.doubles(n * n, n, -2, 2);
        double magnitude = 0;
        for (int i = 0; i < n; i++) {
            magnitude += Math.abs(Math.tanh(a[i * n + i]));
        }
        double[] expected = ScalarKernels.goFast(a, n, new double[n * n]);
        double[] actual = HandKernels.goFast(a, n, new double[n * n]);
        for (int k = 0; k < n * n; k++) {
            assertWithin(expected[k], actual[k], (n + 6) * Math.ulp(1.0) * magnitude + Math.ulp(expected[k]), "element " + k);
        }
    }

    /** Element-wise: within 4 ulps of the scalar result (vector EXP, then an add and a divide). */
    @ParameterizedTest
    @MethodSource("sizes")
    void sigmoidAgreesWithinFourUlps(int n) {
        float[] x = Inputs.floats(n, n, -20f, 20f);
        float[] expected = new float[n];
        float[] actual = new float[n];
        ScalarKernels.sigmoid(x, expected);
        HandKernels.sigmoid(x, actual);
        for (int i = 0; i < n; i++) {
            assertWithin(expected[i], actual[i], 4 * Math.ulp(expected[i]), "sigmoid(" + x[i] + ")");
        }
    }

    /** Element-wise: within 1e-12 of the spot price (vector LOG and EXP, about 1e-15 in practice). */
    @ParameterizedTest
    @MethodSource("sizes")
    void blackScholesAgreesWithinOneTrillionthOfTheSpot(int n) {
        double[] spot = Inputs.doubles(n, n, 10, 100);
        double[] strike = Inputs.doubles(n, n + 1, 10, 100);
        double[] years = Inputs.doubles(n, n + 2, 0.25, 2);
        double[] expected = new double[n];
        double[] actual = new double[n];
        ScalarKernels.blackScholesCall(spot, strike, years, 0.02, 0.3, expected);
        HandKernels.blackScholesCall(spot, strike, years, 0.02, 0.3, actual);
        for (int i = 0; i < n; i++) {
            assertWithin(expected[i], actual[i], 1e-12 * spot[i], "call(" + spot[i] + ", " + strike[i] + ")");
        }
    }

    // --- inputs and checks -------------------------------------------------------------------------

    /** Random values, then the same with NaN, infinities, signed zeros and extremes mixed in. */
    private static float[][] floatInputs(int n) {
        float[] plain = Inputs.floats(n, n, -4f, 4f);
        return new float[][] {plain, withSpecials(plain, 0)};
    }

    private static float[] withSpecials(float[] a, int shift) {
        float[] out = a.clone();
        for (int i = shift; i < out.length; i += 3) {
            out[i] = FLOAT_SPECIALS[(i / 3) % FLOAT_SPECIALS.length];
        }
        return out;
    }

    private static float[] smallIntegers(int n, long seed) {
        float[] a = Inputs.floats(n, seed, -8f, 8f);
        for (int i = 0; i < n; i++) {
            a[i] = (float) Math.floor(a[i]);
        }
        return a;
    }

    private static double[] toDoubles(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    private static void assertWithin(double expected, double actual, double bound) {
        assertWithin(expected, actual, bound, "");
    }

    private static void assertWithin(double expected, double actual, double bound, String what) {
        assertTrue(Math.abs(expected - actual) <= bound,
                () -> what + " expected " + expected + " but was " + actual + ": off by "
                        + Math.abs(expected - actual) + ", more than " + bound);
    }
}
