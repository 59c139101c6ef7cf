package dev.hotloop.reliability;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Objects;

/**
 * Compares the outcome of a rewritten kernel with the original's. Strict: bit for bit, where a NaN
 * equals any NaN (the JVM itself does not fix the payload of a NaN that arithmetic makes; see
 * {@code transform/BitExact}); the same exception type and message; the same writes to every array
 * and static field. With {@code fastMath}, a floating-point result may differ from the original by
 * at most {@code 2 (N + 2) eps S}, where N bounds the iterations, eps is the unit roundoff of the
 * accumulator's type and S is the sum of the absolute values of the start value and the terms (the kernel's
 * {@code $scale} twin): the classic bound for a sum evaluated in any order.
 */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * @param expected the original's outcome
     * @param actual   the rewritten kernel's outcome
     * @param scale    for fastMath, S; NaN in strict mode
     * @param n        for fastMath, N
     * @return what differs, or null when they agree
     */
    static String mismatch(Outcome expected, Outcome actual, double scale, int n) {
        Throwable e = expected.thrown();
        Throwable a = actual.thrown();
        if (e != null || a != null) {
            if (e == null || a == null || e.getClass() != a.getClass() || !Objects.equals(e.getMessage(), a.getMessage())) {
                return "exception: expected " + e + ", got " + a;
            }
        } else if (!Double.isNaN(scale)) {
            String m = withinBound(expected.result(), actual.result(), scale, n);
            if (m != null) {
                return m;
            }
        } else if (!identical(expected.result(), actual.result())) {
            return "result: expected " + show(expected.result()) + ", got " + show(actual.result());
        }
        for (int i = 0; i < expected.args().length; i++) {
            if (!identical(expected.args()[i], actual.args()[i])) {
                return "argument #" + i + " after the call: " + firstDifference(expected.args()[i], actual.args()[i]);
            }
        }
        if (!expected.statics().equals(actual.statics())) {
            return "static fields: expected " + expected.statics() + ", got " + actual.statics();
        }
        return null;
    }

    private static String withinBound(Object expected, Object actual, double scale, int n) {
        double x = ((Number) expected).doubleValue();
        double y = ((Number) actual).doubleValue();
        boolean isFloat = expected instanceof Float;
        double limit = isFloat ? Float.MAX_VALUE : Double.MAX_VALUE;
        if (!(scale < limit / 4) || (Double.isNaN(x) && Double.isNaN(y)) || x == y) {
            return null; // terms too large to bound the error: any order may overflow
        }
        double eps = isFloat ? 0x1p-24 : 0x1p-53;
        double bound = 2.0 * (n + 2) * eps * scale + (isFloat ? Float.MIN_VALUE : Double.MIN_VALUE);
        if (Math.abs(x - y) <= bound) {
            return null;
        }
        return "fastMath result: expected " + expected + ", got " + actual + ", beyond the bound " + bound
                + " (sum of |terms| " + scale + ", " + n + " iterations at most)";
    }

    static boolean identical(Object x, Object y) {
        if (x instanceof Float f && y instanceof Float g) {
            return (f.isNaN() && g.isNaN()) || Float.floatToRawIntBits(f) == Float.floatToRawIntBits(g);
        }
        if (x instanceof Double f && y instanceof Double g) {
            return (f.isNaN() && g.isNaN()) || Double.doubleToRawLongBits(f) == Double.doubleToRawLongBits(g);
        }
        if ((x instanceof float[] || x instanceof double[]) && y != null && x.getClass() == y.getClass()) {
            int n = Array.getLength(x);
            if (n != Array.getLength(y)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!identical(Array.get(x, i), Array.get(y, i))) {
                    return false;
                }
            }
            return true;
        }
        if (x != null && y != null && x.getClass().isArray()) {
            return Objects.deepEquals(x, y);
        }
        return Objects.equals(x, y);
    }

    private static String firstDifference(Object x, Object y) {
        if (x == null || y == null || !x.getClass().isArray() || x.getClass() != y.getClass()) {
            return "expected " + show(x) + ", got " + show(y);
        }
        int len = java.lang.reflect.Array.getLength(x);
        if (len != java.lang.reflect.Array.getLength(y)) {
            return "length " + len + " vs " + java.lang.reflect.Array.getLength(y);
        }
        for (int i = 0; i < len; i++) {
            Object a = java.lang.reflect.Array.get(x, i);
            Object b = java.lang.reflect.Array.get(y, i);
            if (!identical(a, b)) {
                return "[" + i + "] expected " + show(a) + ", got " + show(b);
            }
        }
        return "equal";
    }

    static String show(Object o) {
        if (o instanceof Float f) {
            return f + " (0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
        }
        if (o instanceof Double d) {
            return d + " (0x" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        }
        if (o != null && o.getClass().isArray()) {
            String s = o instanceof float[] f ? Arrays.toString(f) : o instanceof double[] d ? Arrays.toString(d)
                    : Arrays.deepToString(new Object[] {o});
            return s.length() > 200 ? s.substring(0, 200) + "..." : s;
        }
        return String.valueOf(o);
    }
}
