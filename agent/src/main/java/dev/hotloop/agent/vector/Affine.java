package dev.hotloop.agent.vector;

import dev.hotloop.agent.vector.Expr.Binary;
import dev.hotloop.agent.vector.Expr.Const;
import dev.hotloop.agent.vector.Expr.Iv;

/**
 * An array index in the form {@code (scale + stride) * i + base + offset}: {@code stride} a
 * loop-invariant int expression (null when the step is a constant, as it mostly is; it is
 * {@code n} in the row-major diagonal {@code a[i * n + i]}), {@code base} a loop-invariant int
 * expression (null when there is none), {@code offset} a constant. The int arithmetic wraps in the
 * original; the guards compare the exact sums, which is sound because a sum that lies in an
 * array's bounds equals its wrapped value (the two agree modulo 2^32).
 *
 * @param scale  the induction variable's constant coefficient
 * @param stride the induction variable's loop-invariant coefficient, added to {@code scale}; or null
 * @param base   the invariant part, or null
 * @param offset the constant part
 */
record Affine(int scale, Expr stride, Expr base, long offset) {

    /** The largest constant part an index may hold, so that the guards' long arithmetic stays exact. */
    private static final long LIMIT = 1L << 40;

    Affine(int scale, Expr base, long offset) {
        this(scale, null, base, offset);
    }

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
            if (l != null && r != null && (r.stride == null || b.op() == Op.ADD)) {
                int sign = b.op() == Op.ADD ? 1 : -1;
                Expr base = l.base == null ? (r.base == null ? null : sign > 0 ? r.base : new Expr.Unary(Op.NEG, Kind.INT, r.base))
                        : r.base == null ? l.base : new Binary(b.op(), Kind.INT, l.base, r.base);
                Expr stride = l.stride == null ? r.stride : r.stride == null ? l.stride : new Binary(Op.ADD, Kind.INT, l.stride, r.stride);
                return checked(l.scale + (long) sign * r.scale, stride, base, l.offset + sign * r.offset);
            }
        }
        if (index instanceof Binary b && b.kind() == Kind.INT && b.op() == Op.MUL) {
            Affine product = times(b.left(), b.right(), invariance);
            if (product != null) {
                return product;
            }
            product = times(b.right(), b.left(), invariance);
            if (product != null) {
                return product;
            }
        }
        return invariance.test(index) ? new Affine(0, index, 0) : null;
    }

    /** {@code x * factor} where the factor is a constant, or loop-invariant and {@code x} is the induction variable. */
    private static Affine times(Expr x, Expr factor, Invariance invariance) {
        if (factor instanceof Const c && c.kind() == Kind.INT) {
            Affine a = of(x, invariance);
            long k = c.value().intValue();
            if (a == null || a.stride != null) {
                return null;
            }
            Expr base = a.base == null || k == 1 ? a.base : new Binary(Op.MUL, Kind.INT, a.base, c);
            return checked(a.scale * k, null, base, a.offset * k);
        }
        if (x instanceof Iv && invariance.test(factor)) {
            return new Affine(0, factor, null, 0);
        }
        return null;
    }

    private static Affine checked(long scale, Expr stride, Expr base, long offset) {
        return scale != (int) scale || Math.abs(offset) > LIMIT ? null : new Affine((int) scale, stride, base, offset);
    }

    /** @return whether the step per iteration is known only at run time */
    boolean runtimeStride() {
        return stride != null;
    }

    /** @return whether the index does not move with the induction variable */
    boolean invariant() {
        return scale == 0 && stride == null;
    }

    /** @return whether two indexes differ by a constant only */
    boolean sameBase(Affine o) {
        return scale == o.scale && java.util.Objects.equals(stride, o.stride) && java.util.Objects.equals(base, o.base);
    }

    // Spelled out, not generated: see Expr's note on records at transform time.
    @Override
    public boolean equals(Object other) {
        return other instanceof Affine o && scale == o.scale && offset == o.offset && java.util.Objects.equals(stride, o.stride)
                && java.util.Objects.equals(base, o.base);
    }

    @Override
    public int hashCode() {
        return ((31 * scale + java.util.Objects.hashCode(stride)) * 31 + java.util.Objects.hashCode(base)) * 31 + Long.hashCode(offset);
    }

    /** @return the step per iteration as text: {@code 2}, {@code -1}, {@code n + 1} */
    String step() {
        if (stride == null) {
            return Integer.toString(scale);
        }
        return scale == 0 ? stride.toString() : stride + (scale < 0 ? " - " + -(long) scale : " + " + scale);
    }

    @Override
    public String toString() {
        String s = stride != null ? "(" + step() + ")*i" : scale == 0 ? "" : scale == 1 ? "i" : scale == -1 ? "-i" : scale + "*i";
        if (base != null) {
            s = s.isEmpty() ? base.toString() : s + " + " + base;
        }
        if (offset != 0 || s.isEmpty()) {
            s = s.isEmpty() ? Long.toString(offset) : s + (offset < 0 ? " - " + -offset : " + " + offset);
        }
        return s;
    }
}
