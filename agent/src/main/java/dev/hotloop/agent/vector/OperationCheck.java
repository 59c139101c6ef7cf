package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.vector.Expr.Binary;
import java.util.List;

/**
 * Checks that every operation of a value the SIMD code computes has a lane form with the loop's
 * results (with {@code fastMath}, within the documented bounds), and says which are approximate.
 */
final class OperationCheck {

    private OperationCheck() {
    }

    /**
     * @param e          a value the SIMD code computes per element
     * @param fastMath   {@code @Vectorize(fastMath = true)}: approximate math allowed
     * @param invariance what the loop does not change (an invariant divisor divides once)
     * @throws Refusal for the first operation, in walk order, without such a lane form
     */
    static void check(Expr e, boolean fastMath, Invariance invariance) throws Refusal {
        for (Expr n : Walk.nodes(e)) {
            Refusal bad = refusal(n, fastMath, invariance);
            if (bad != null) {
                throw bad;
            }
        }
    }

    private static Refusal refusal(Expr n, boolean fastMath, Invariance invariance) {
        if (n instanceof Expr.Not x && x.x() instanceof Expr.True) {
            return new Refusal(RefusalCode.NO_SIMD_FORM, "has code under a condition that never holds; remove it");
        } else if (n instanceof Expr.Cmp3) {
            return new Refusal(RefusalCode.NO_SIMD_FORM, "uses a comparison result as a number (Float.compare style); compare in an if or ?: instead");
        } else if (n instanceof Expr.Unary u && u.op().approximate() && !fastMath) {
            return new Refusal(RefusalCode.APPROXIMATE_MATH, "Math." + u.op().symbol() + " has no bit-exact SIMD form; add @Vectorize(fastMath = true) "
                    + "to use the Vector API's version (within its documented ulp bound)");
        } else if (n instanceof Binary b && b.op().approximate() && !fastMath) {
            return new Refusal(RefusalCode.APPROXIMATE_MATH, "Math." + b.op().symbol() + " has no bit-exact SIMD form; add @Vectorize(fastMath = true) "
                    + "to use the Vector API's version (within its documented ulp bound)");
        } else if (n instanceof Binary b && b.op() == Op.COPY_SIGN && !NanSigns.data(b.right())) {
            return new Refusal(RefusalCode.NO_SIMD_FORM, "Math.copySign takes its sign from " + Refusal.brief(b.right()) + ", whose NaNs "
                    + "get a sign bit that scalar and SIMD arithmetic may set differently; use StrictMath.copySign, which counts a NaN "
                    + "sign as positive, or a sign read from an array");
        } else if (n instanceof Binary b && (b.op() == Op.REM || b.op() == Op.DIV && b.kind().integral()) && !invariance.test(n)) {
            return new Refusal(RefusalCode.NO_SIMD_FORM, b.op() == Op.REM && b.kind().floating()
                    ? "uses % on " + b.kind().javaName() + " values per element; the Vector API has no remainder operation"
                    : "divides " + b.kind().javaName() + " values per element (" + b + "); integer division and % have no SIMD "
                    + "instruction on x86, and the Vector API would divide one lane at a time, slower than the loop");
        } else if (n.kind() == Kind.REF && !(n instanceof Expr.Var || n instanceof Expr.Field || n instanceof Expr.ProbeArray)) {
            return new Refusal(RefusalCode.UNSUPPORTED_TYPE, "computes with object references inside the loop");
        }
        return null;
    }

    /** @return whether any of the values uses an operation whose lane form is approximate (fastMath) */
    static boolean approximate(List<Expr> values) {
        for (Expr e : values) {
            for (Expr n : Walk.nodes(e)) {
                if (n instanceof Expr.Unary u && u.op().approximate() || n instanceof Binary b && b.op().approximate()) {
                    return true;
                }
            }
        }
        return false;
    }
}
