package dev.hotloop.agent.vector;

import dev.hotloop.agent.vector.Expr.Binary;
import dev.hotloop.agent.vector.Expr.Const;
import dev.hotloop.agent.vector.Expr.Iv;

/**
 * An array index in the form {@code scale * i + base + offset}: {@code base} a loop-invariant int
 * expression (null when there is none), {@code offset} a constant. The int arithmetic wraps in the
 * original; the guards compare the exact sums, which is sound because a sum that lies in an
 * array's bounds equals its wrapped value.
 *
 * @param scale  the induction variable's coefficient
 * @param base   the invariant part, or null
 * @param offset the constant part
 */
record Affine(int scale, Expr base, long offset) {

    /**
     * @param index      an index expression
     * @param invariance what does not change in the loop
     * @return its affine form, or null when it is not affine in the induction variable
     */
    static Affine of(Expr index, Invariance invariance) {
        if (index instanceof Iv) {
            return new Affine(1, null, 0);
        }
        if (index instanceof Const c && c.kind() == Kind.INT) {
            return new Affine(0, null, c.value().intValue());
        }
        if (index instanceof Binary b && b.kind() == Kind.INT && (b.op() == Op.ADD || b.op() == Op.SUB)) {
            Affine l = of(b.left(), invariance);
            Affine r = of(b.right(), invariance);
            if (l != null && r != null) {
                int sign = b.op() == Op.ADD ? 1 : -1;
                Expr base = l.base == null ? (r.base == null ? null : sign > 0 ? r.base : new Expr.Unary(Op.NEG, Kind.INT, r.base))
                        : r.base == null ? l.base : new Binary(b.op(), Kind.INT, l.base, r.base);
                return new Affine(l.scale + sign * r.scale, base, l.offset + sign * r.offset);
            }
        }
        return invariance.test(index) ? new Affine(0, index, 0) : null;
    }

    /** @return whether two indexes differ by a constant only */
    boolean sameBase(Affine o) {
        return scale == o.scale && java.util.Objects.equals(base, o.base);
    }

    // Spelled out, not generated: see Expr's note on records at transform time.
    @Override
    public boolean equals(Object other) {
        return other instanceof Affine o && scale == o.scale && offset == o.offset && java.util.Objects.equals(base, o.base);
    }

    @Override
    public int hashCode() {
        return (31 * scale + java.util.Objects.hashCode(base)) * 31 + Long.hashCode(offset);
    }

    @Override
    public String toString() {
        String s = scale == 0 ? "" : scale == 1 ? "i" : scale + "*i";
        if (base != null) {
            s = s.isEmpty() ? base.toString() : s + " + " + base;
        }
        if (offset != 0 || s.isEmpty()) {
            s = s.isEmpty() ? Long.toString(offset) : s + (offset < 0 ? " - " + -offset : " + " + offset);
        }
        return s;
    }
}
