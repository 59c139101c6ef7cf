package dev.hotloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DotTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 7, 8, 17, 64, 1001})
    void dotOfSmallIntegersIsExactInAnyOrder(int n) {
        // Products and partial sums are integers below 2^24, so every order of additions is exact.
        SplittableRandom random = new SplittableRandom(n);
        float[] a = new float[n];
        float[] b = new float[n];
        long expected = 0;
        for (int i = 0; i < n; i++) {
            a[i] = random.nextInt(-8, 9);
            b[i] = random.nextInt(-8, 9);
            expected += (long) a[i] * (long) b[i];
        }
        assertEquals((float) expected, Dot.dot(a, b));
    }

    @Test
    void dotOfRandomFloatsIsCloseToTheDoubleReference() {
        int n = 10_000;
        float[] a = Inputs.floats(n, 1);
        float[] b = Inputs.floats(n, 2);
        double expected = 0;
        double magnitude = 0;
        for (int i = 0; i < n; i++) {
            expected += (double) a[i] * b[i];
            magnitude += Math.abs((double) a[i] * b[i]);
        }
        // Any summation order errs by at most about n * ulp(1) relative to the sum of |a*b|.
        assertEquals(expected, Dot.dot(a, b), n * Math.ulp(1f) * magnitude);
    }

    @Test
    void dotReadsOnlyTheLengthOfTheFirstVector() {
        assertEquals(2f, Dot.dot(new float[] {1, 1}, new float[] {1, 1, 100}));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 17, 1000})
    void sumMatchesTheWrappedLongSum(int n) {
        int[] a = Inputs.ints(n, n);
        long expected = 0;
        for (int v : a) {
            expected += v;
        }
        assertEquals((int) expected, Dot.sum(a));
    }

    @Test
    void sumWrapsOnOverflow() {
        assertEquals(Integer.MIN_VALUE, Dot.sum(new int[] {Integer.MAX_VALUE, 1}));
    }
}
