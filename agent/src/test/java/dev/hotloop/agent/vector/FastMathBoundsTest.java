package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hotloop.agent.targets.vector.BenchmarkKernels;
import dev.hotloop.agent.targets.vector.Expect;
import dev.hotloop.agent.targets.vector.MathKernels;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The fastMath comparator accepts what reassociation and the Vector API's ulp bounds allow, and no more. */
class FastMathBoundsTest {

    private static Expect expectOf(Class<?> owner, String method, Class<?>... params) throws NoSuchMethodException {
        return owner.getMethod(method, params).getAnnotation(Expect.class);
    }

    @Test
    void ulpDistanceCountsRepresentableValues() {
        assertEquals(0, FastMathBounds.ulpDistance(0f, -0f));
        assertEquals(1, FastMathBounds.ulpDistance(1f, Math.nextUp(1f)));
        assertEquals(1, FastMathBounds.ulpDistance(Float.MAX_VALUE, Float.POSITIVE_INFINITY));
        assertEquals(2, FastMathBounds.ulpDistance(-Float.MIN_VALUE, Float.MIN_VALUE));
        assertEquals(0, FastMathBounds.ulpDistance(-0.0, 0.0));
        assertEquals(3, FastMathBounds.ulpDistance(-1.0, Math.nextDown(Math.nextDown(Math.nextDown(-1.0)))));
        assertEquals(Long.MAX_VALUE, FastMathBounds.ulpDistance(-Double.MAX_VALUE, Double.MAX_VALUE));
    }

    @Test
    void aReversedSumIsWithinTheBoundAndAWrongOneIsNot() throws NoSuchMethodException {
        Expect dot = expectOf(BenchmarkKernels.class, "dotFloat", float[].class, float[].class);
        Random random = new Random(7);
        float[] a = new float[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = (random.nextFloat() - 0.5f) * 1e4f;
        }
        float forward = 0;
        float backward = 0;
        float magnitude = 0;
        for (int i = 0; i < a.length; i++) {
            forward += a[i];
            backward += a[a.length - 1 - i];
            magnitude += Math.abs(a[i]);
        }
        FastMathBounds.assertWithin(forward, backward, dot, a.length, magnitude, "reversed");
        float sum = forward;
        float m = magnitude;
        float wrong = sum + m * 1e-3f;
        assertThrows(AssertionFailedError.class,
                () -> FastMathBounds.assertWithin(sum, wrong, dot, a.length, m, "wrong"));
        assertThrows(AssertionFailedError.class,
                () -> FastMathBounds.assertWithin(sum, Float.NaN, dot, a.length, m, "NaN"));
        assertThrows(AssertionFailedError.class,
                () -> FastMathBounds.assertWithin(Float.POSITIVE_INFINITY, Float.MAX_VALUE, dot, a.length, m, "inf"));
    }

    @Test
    void elementsMayDifferByTheirOperationsUlpsOnly() throws NoSuchMethodException {
        Expect tanh = expectOf(MathKernels.class, "tanhDouble", double[].class, double[].class);
        double x = Math.tanh(0.3);
        double[] expected = {x, Double.NaN, -0.0};
        double[] close = {x, Double.NaN, 0.0};
        for (int i = 0; i < tanh.ulps(); i++) {
            close[0] = Math.nextUp(close[0]);
        }
        FastMathBounds.assertWithin(expected, close, tanh, 3, 0, "close");
        double[] far = {Math.nextUp(close[0]), Double.NaN, 0.0};
        assertThrows(AssertionFailedError.class, () -> FastMathBounds.assertWithin(expected, far, tanh, 3, 0, "far"));
        double[] nan = {x, 0.0, 0.0};
        assertThrows(AssertionFailedError.class, () -> FastMathBounds.assertWithin(expected, nan, tanh, 3, 0, "NaN"));
        assertThrows(AssertionFailedError.class,
                () -> FastMathBounds.assertWithin(new int[] {1}, new int[] {2}, tanh, 1, 0, "int arrays are exact"));
    }
}
