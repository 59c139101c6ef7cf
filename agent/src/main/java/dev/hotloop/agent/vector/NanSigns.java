package dev.hotloop.agent.vector;

/**
 * Whether the sign bit of a NaN a value may hold is data, the same in every execution, or
 * chosen by the hardware. Arithmetic that makes a NaN (0 * inf, inf - inf) or passes one on
 * ({@code x * NaN}) gives it a sign x86 picks by operand order, which the JIT's scalar and SIMD
 * code need not share; Java allows either. Only {@code Math.copySign} makes that sign visible,
 * so its sign operand must be data: a load, a local, a field, a constant, or what keeps a NaN
 * operand as it is (a selection, a float/double conversion, floor, ceil, rint, signum, copySign).
 */
final class NanSigns {

    private NanSigns() {
    }

    /** @return whether every NaN {@code e} can hold has the sign bit of a NaN in the data */
    static boolean data(Expr e) {
        if (e instanceof Expr.Load || e instanceof Expr.Var || e instanceof Expr.Field || e instanceof Expr.Const) {
            return true;
        }
        if (e instanceof Expr.Convert c) {
            return !c.from().floating() || data(c.x());
        }
        if (e instanceof Expr.Select s) {
            return nanFree(s) || data(s.ifTrue()) && data(s.ifFalse());
        }
        if (e instanceof Expr.Unary u) {
            return (u.op() == Op.FLOOR || u.op() == Op.CEIL || u.op() == Op.RINT || u.op() == Op.SIGNUM) && data(u.x());
        }
        return e instanceof Expr.Binary b && b.op() == Op.COPY_SIGN && data(b.left()) && data(b.right());
    }

    /** {@code s != s ? constant : s}: StrictMath.copySign's sign, never a NaN. */
    private static boolean nanFree(Expr.Select s) {
        return s.cond() instanceof Expr.Cmp c && c.cond() == Expr.Cond.NE && c.left().equals(c.right())
                && c.left().equals(s.ifFalse()) && s.ifTrue() instanceof Expr.Const k && !Double.isNaN(k.value().doubleValue());
    }
}
