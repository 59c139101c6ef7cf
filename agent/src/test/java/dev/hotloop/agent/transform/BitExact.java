package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Equality for results of kernels: floating-point values compare by their raw bits, so that
 * {@code -0.0} differs from {@code 0.0}; arrays compare element by element, recursively.
 *
 * <p>A NaN equals any NaN. The JLS leaves the payload and sign of a NaN that arithmetic produces
 * unspecified, and HotSpot really varies it: when both operands of {@code +} or {@code *} are NaN,
 * x86 keeps the first operand's payload, and the JIT may commute the operands, so one unchanged
 * method gives {@code 0x7fc00001} interpreted and {@code 0xffc00000} (x86's default NaN) compiled.
 * No rewrite can promise more than the JVM itself.
 */
public final class BitExact {

    private BitExact() {
    }

    /**
     * Fails unless {@code actual} equals {@code expected} as described above.
     *
     * @param where names the value in the failure message
     */
    public static void assertIdentical(Object expected, Object actual, String where) {
        if (expected == null || actual == null) {
            assertSame(expected, actual, where);
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), where + ": type");
        if (expected instanceof Float f) {
            float g = (Float) actual;
            if (!(f.isNaN() && Float.isNaN(g))) {
                assertEquals(Float.floatToRawIntBits(f), Float.floatToRawIntBits(g), where + ": " + f + " vs " + g);
            }
        } else if (expected instanceof Double d) {
            double e = (Double) actual;
            if (!(d.isNaN() && Double.isNaN(e))) {
                assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(e), where + ": " + d + " vs " + e);
            }
        } else if (expected instanceof float[] a) {
            float[] b = (float[]) actual;
            assertEquals(a.length, b.length, where + ": length");
            for (int i = 0; i < a.length; i++) {
                assertIdentical(a[i], b[i], where + "[" + i + "]");
            }
        } else if (expected instanceof double[] a) {
            double[] b = (double[]) actual;
            assertEquals(a.length, b.length, where + ": length");
            for (int i = 0; i < a.length; i++) {
                assertIdentical(a[i], b[i], where + "[" + i + "]");
            }
        } else if (expected instanceof int[] a) {
            assertArrayEquals(a, (int[]) actual, where);
        } else if (expected instanceof long[] a) {
            assertArrayEquals(a, (long[]) actual, where);
        } else if (expected instanceof short[] a) {
            assertArrayEquals(a, (short[]) actual, where);
        } else if (expected instanceof byte[] a) {
            assertArrayEquals(a, (byte[]) actual, where);
        } else if (expected instanceof char[] a) {
            assertArrayEquals(a, (char[]) actual, where);
        } else if (expected instanceof boolean[] a) {
            assertArrayEquals(a, (boolean[]) actual, where);
        } else if (expected instanceof Object[] a) {
            Object[] b = (Object[]) actual;
            assertEquals(a.length, b.length, where + ": length");
            for (int i = 0; i < a.length; i++) {
                assertIdentical(a[i], b[i], where + "[" + i + "]");
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }
}
