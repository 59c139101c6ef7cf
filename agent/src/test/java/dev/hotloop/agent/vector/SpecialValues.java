package dev.hotloop.agent.vector;

/**
 * The rule of {@link FastMathSpecialValuesTest}: when a fastMath result may differ from
 * {@code Math}'s, and when it must be {@code Math}'s bit for bit.
 */
final class SpecialValues {

    private SpecialValues() {
    }

    /**
     * @param function the {@code Math} function
     * @param binary   whether it takes two arguments
     * @param x        the first argument
     * @param y        the second argument (NaN for one-argument functions)
     * @param expected {@code Math}'s result
     * @param actual   the SIMD form's result
     * @param ulps     the function's bound where it need not be exact
     * @param isFloat  whether the results are floats
     * @return why the actual result is wrong, or null
     */
    static String difference(String function, boolean binary, double x, double y, double expected, double actual, int ulps,
                             boolean isFloat) {
        if (Double.isNaN(expected) != Double.isNaN(actual)) {
            return Double.isNaN(expected) ? "must be NaN" : "must not be NaN";
        }
        if (Double.isNaN(expected)) {
            return null;
        }
        boolean exact = expected == 0 || Double.isInfinite(expected) || special(x) || (binary && special(y))
                || function.equals("pow") && (y == 1 || exactPower(x, y, expected));
        if (exact) {
            return Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual) ? null : "Math's result is exact here";
        }
        if (Math.signum(expected) != Math.signum(actual) || Double.isInfinite(actual) || actual == 0) {
            return "the result class differs";
        }
        long d = isFloat ? Math.abs((long) Float.floatToIntBits((float) expected) - Float.floatToIntBits((float) actual))
                : Math.abs(Double.doubleToLongBits(expected) - Double.doubleToLongBits(actual));
        return d <= ulps ? null : d + " ulps apart, more than " + ulps;
    }

    private static boolean special(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) || v == 0;
    }

    /**
     * {@code Math.pow}: "if both arguments are integers, then the result is exactly equal to the
     * mathematical result ... if that result can in fact be represented exactly as a double": an
     * integer up to 2^53, or a power of two.
     */
    private static boolean exactPower(double x, double y, double result) {
        if (!isInteger(y) || !isInteger(x) && !isPowerOfTwo(Math.abs(x))) {
            return false;
        }
        return isInteger(x) && y >= 0 && Math.abs(result) <= 0x1p53 || isPowerOfTwo(Math.abs(x));
    }

    private static boolean isPowerOfTwo(double v) {
        return v > 0 && !Double.isInfinite(v) && v == Math.scalb(1.0, Math.getExponent(v));
    }

    private static boolean isInteger(double v) {
        return !Double.isInfinite(v) && v == Math.rint(v);
    }
}
