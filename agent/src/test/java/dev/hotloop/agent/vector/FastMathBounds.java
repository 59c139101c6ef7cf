package dev.hotloop.agent.vector;

import static dev.hotloop.agent.transform.BitExact.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.targets.vector.Expect;
import dev.hotloop.agent.targets.vector.Ulps;

/**
 * Compares the results of a {@code fastMath} kernel with the plain JVM's, within the bounds that
 * {@link Ulps} states: element-wise results within {@link Expect#ulps} representable values (or
 * {@link Expect#absolute}); a float or double returned by a reduction within
 * {@code (2(n + 2) + 2 ulps) u M + absolute}. NaN must stay NaN and an infinity the same infinity
 * (the inputs of fastMath kernels hold no finite values large enough to overflow in one order of
 * operations and not in another); every other value, int arrays and exceptions included, is
 * compared bit for bit.
 */
final class FastMathBounds {

    private FastMathBounds() {
    }

    /**
     * @param expected  what the plain JVM produced
     * @param actual    what the rewritten kernel produced
     * @param bound     the kernel's stated bound
     * @param trips     the trip count of the loop, at most (for reductions)
     * @param magnitude for a reduction, the kernel's result on the absolute values of its inputs
     * @param where     names the value in failure messages
     */
    static void assertWithin(Object expected, Object actual, Expect bound, int trips, double magnitude, String where) {
        if (expected instanceof Float || expected instanceof Double) {
            assertEquals(expected.getClass(), actual.getClass(), where);
            assertReduction(((Number) expected).doubleValue(), ((Number) actual).doubleValue(), expected instanceof Float,
                    bound, trips, magnitude, where);
        } else if (expected instanceof float[] e) {
            float[] a = (float[]) actual;
            assertEquals(e.length, a.length, where + ": length");
            for (int i = 0; i < e.length; i++) {
                assertElement(e[i], a[i], ulpDistance(e[i], a[i]), bound, where + "[" + i + "]");
            }
        } else if (expected instanceof double[] e) {
            double[] a = (double[]) actual;
            assertEquals(e.length, a.length, where + ": length");
            for (int i = 0; i < e.length; i++) {
                assertElement(e[i], a[i], ulpDistance(e[i], a[i]), bound, where + "[" + i + "]");
            }
        } else if (expected instanceof Object[] e) {
            Object[] a = (Object[]) actual;
            for (int i = 0; i < e.length; i++) {
                assertWithin(e[i], a[i], bound, trips, magnitude, where + " argument " + i);
            }
        } else {
            assertIdentical(expected, actual, where);
        }
    }

    private static void assertReduction(double e, double a, boolean isFloat, Expect bound, int trips, double magnitude,
                                        String where) {
        if (Double.isNaN(e) || Double.isInfinite(e) || Double.isNaN(a)) {
            assertIdentical(e, a, where + ": non-finite results must agree");
            return;
        }
        double u = isFloat ? 0x1p-24 : 0x1p-53;
        double allowed = (2.0 * (trips + 2) + 2.0 * bound.ulps()) * u * Math.abs(magnitude) + bound.absolute();
        assertTrue(Math.abs(a - e) <= allowed, where + ": " + a + " differs from " + e + " by " + Math.abs(a - e)
                + ", more than the " + allowed + " a reassociated reduction of " + trips + " terms may");
    }

    private static void assertElement(double e, double a, long ulps, Expect bound, String where) {
        if (Double.isNaN(e) || Double.isNaN(a)) {
            assertIdentical(e, a, where + ": NaN must stay NaN");
            return;
        }
        boolean close = ulps <= bound.ulps() || Math.abs(a - e) <= bound.absolute();
        assertTrue(close, where + ": " + a + " is " + ulps + " ulps from " + e + "; the bound is " + bound.ulps()
                + " ulps" + (bound.absolute() > 0 ? " or " + bound.absolute() : ""));
    }

    /** @return how many floats lie between x and y, counting -0.0 and 0.0 as one */
    static long ulpDistance(float x, float y) {
        return Math.abs(ordered(Float.floatToRawIntBits(x)) - ordered(Float.floatToRawIntBits(y)));
    }

    /** @return how many doubles lie between x and y, counting -0.0 and 0.0 as one, saturated */
    static long ulpDistance(double x, double y) {
        long a = ordered(Double.doubleToRawLongBits(x));
        long b = ordered(Double.doubleToRawLongBits(y));
        if ((a ^ b) < 0) {
            long sum = Math.abs(a) + Math.abs(b);
            return sum < 0 ? Long.MAX_VALUE : sum;
        }
        return Math.abs(a - b);
    }

    private static long ordered(int bits) {
        return bits >= 0 ? bits : (long) Integer.MIN_VALUE - bits;
    }

    private static long ordered(long bits) {
        return bits >= 0 ? bits : Long.MIN_VALUE - bits;
    }
}
