package dev.hotloop.agent.targets.vector;

/**
 * The one place that states how far a {@code fastMath} kernel may differ from the plain JVM, per
 * operation, in ulps of the result, measured as the number of representable values between the
 * two results (so {@code -0.0} and {@code 0.0} count as one value and an infinity is one step
 * past the largest finite value).
 *
 * <p>The Vector API promises that a lane-wise math operation "follows the accuracy and
 * monotonicity specifications of the equivalent Java operation or method" ({@code
 * VectorOperators}, "Operations on floating point vectors"), and on float lanes computes in
 * double and narrows. The original loop calls that Java method, which meets the same bound. Two
 * results that are each within {@code b} ulps of the exact value are at most {@code 2b} apart,
 * plus one step where the exact value sits just past a power of two: hence {@code 2b + 1}.
 *
 * <p>Reassociated reductions ({@code +} and {@code *} of float or double under fastMath) are
 * bounded separately, by {@code (2(n + 2) + 2 ulps) u M}: {@code u} the unit round-off
 * (2^-24 for float, 2^-53 for double), {@code n} the trip count, {@code M} the same kernel run
 * on the absolute values of its inputs (an upper bound of the sum of |terms| for the kernels of
 * this package, whose terms grow with the magnitude of their inputs). Any summation order has an
 * error of at most {@code (n - 1) u} times the sum of |terms| (Higham, "Accuracy and Stability of
 * Numerical Algorithms", 2nd ed., §4.2), so two orders differ by at most twice that.
 */
public final class Ulps {

    private Ulps() {
    }

    /** {@code Math.exp}: 1 ulp. */
    public static final int EXP = 3;
    /** {@code Math.log}: 1 ulp. */
    public static final int LOG = 3;
    /** {@code Math.log10}: 1 ulp. */
    public static final int LOG10 = 3;
    /** {@code Math.log1p}: 1 ulp. */
    public static final int LOG1P = 3;
    /** {@code Math.expm1}: 1 ulp. */
    public static final int EXPM1 = 3;
    /** {@code Math.pow}: 1 ulp. */
    public static final int POW = 3;
    /** {@code Math.sin}: 1 ulp. */
    public static final int SIN = 3;
    /** {@code Math.cos}: 1 ulp. */
    public static final int COS = 3;
    /** {@code Math.tan}: 1 ulp. */
    public static final int TAN = 3;
    /** {@code Math.sinh}: 2.5 ulps. */
    public static final int SINH = 6;
    /** {@code Math.cosh}: 2.5 ulps. */
    public static final int COSH = 6;
    /** {@code Math.tanh}: 2.5 ulps. */
    public static final int TANH = 6;
    /** {@code Math.asin}: 1 ulp. */
    public static final int ASIN = 3;
    /** {@code Math.acos}: 1 ulp. */
    public static final int ACOS = 3;
    /** {@code Math.atan}: 1 ulp. */
    public static final int ATAN = 3;
    /** {@code Math.atan2}: 2 ulps. */
    public static final int ATAN2 = 5;
    /** {@code Math.cbrt}: 1 ulp. */
    public static final int CBRT = 3;
    /** {@code Math.hypot}: 1 ulp. */
    public static final int HYPOT = 3;

    /**
     * {@code 1 / (1 + exp(-x))}: the exp error passes through {@code 1 + e} and the division
     * at most once more (relative error of {@code 1 + e} is at most that of {@code e}), plus one
     * rounding each.
     */
    public static final int SIGMOID = 2 * EXP + 2;

    /**
     * A Black-Scholes price subtracts two terms of similar size, so its error is absolute: the
     * log, sqrt and exp errors move {@code d1}, {@code d2} and the discount by a few ulps of
     * values of order 1..100.
     */
    public static final double BLACK_SCHOLES_ABSOLUTE = 1e-9;
}
