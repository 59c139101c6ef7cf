package dev.hotloop.agent.vector;

import java.util.function.UnaryOperator;

/**
 * The forms {@code fastMath} gives a value before it is checked and planned: a float function
 * computed in double and rounded back runs in float lanes; and {@code pow} keeps {@code Math.pow}'s
 * special cases where the lane operation (C's {@code pow}, once C2 compiles it) differs: a NaN
 * exponent, and a base of absolute value 1 with an infinite exponent, give NaN, not 1.
 */
final class FastMathForms implements UnaryOperator<Expr> {

    private static final FastMathForms NODE = new FastMathForms();

    private FastMathForms() {
    }

    /**
     * @param e        a value the loop computes
     * @param fastMath {@code @Vectorize(fastMath = true)}
     * @return its fastMath form, or {@code e} itself without fastMath
     */
    static Expr of(Expr e, boolean fastMath) {
        return fastMath ? Walk.map(e, NODE) : e;
    }

    /** The rewrite of one node (a class, not a lambda: see {@link Walk}). */
    @Override
    public Expr apply(Expr n) {
        if (n instanceof Expr.Convert down && down.from() == Kind.DOUBLE && down.kind() == Kind.FLOAT
                && down.x() instanceof Expr.Unary u && u.op().approximate()
                && u.x() instanceof Expr.Convert up && up.from() == Kind.FLOAT && up.kind() == Kind.DOUBLE) {
            return new Expr.Unary(u.op(), Kind.FLOAT, up.x());
        }
        if (n instanceof Expr.Binary b && b.op() == Op.POW) {
            return javaPow(b);
        }
        return n;
    }

    private static Expr javaPow(Expr.Binary pow) {
        Kind k = pow.kind();
        Expr x = pow.left();
        Expr y = pow.right();
        Expr nanExponent = new Expr.Cmp(Expr.Cond.NE, y, y);
        Expr unitBase = new Expr.Cmp(Expr.Cond.EQ, new Expr.Unary(Op.ABS, k, x), constant(k, 1));
        Expr infiniteExponent = new Expr.Cmp(Expr.Cond.EQ, new Expr.Unary(Op.ABS, k, y), constant(k, Double.POSITIVE_INFINITY));
        return new Expr.Select(new Expr.Logic(false, nanExponent, new Expr.Logic(true, unitBase, infiniteExponent)),
                constant(k, Double.NaN), pow);
    }

    private static Expr.Const constant(Kind k, double v) {
        return new Expr.Const(k, k == Kind.FLOAT ? (Number) (float) v : (Number) v);
    }
}
