package dev.hotloop.agent.vector;

import dev.hotloop.agent.vector.Expr.Cmp;
import dev.hotloop.agent.vector.Expr.Cond;
import dev.hotloop.agent.vector.Expr.Const;
import dev.hotloop.agent.vector.Expr.Convert;
import dev.hotloop.agent.vector.Expr.Logic;
import dev.hotloop.agent.vector.Expr.Not;
import dev.hotloop.agent.vector.Expr.Select;
import dev.hotloop.agent.vector.Expr.True;

/**
 * Builds IR nodes in a canonical, simplified form: only rewrites that hold bit for bit (NaN
 * included) are applied, so they need no {@code fastMath}.
 */
final class Simplify {

    static final Expr TRUE = new True();

    private Simplify() {
    }

    /** @return {@code x} narrowed to {@code to} (byte or short) as {@code i2b}/{@code i2s} or a store would */
    static Expr narrow(Expr x, Kind to) {
        if (x instanceof Convert c && c.kind() == Kind.INT && c.from() == to) {
            return c.x(); // (byte) of a sign-extended byte is the byte
        }
        if (to == Kind.SHORT && x instanceof Expr.Binary b && b.op() == Op.AND && b.right() instanceof Const m
                && m.kind() == Kind.INT && m.value().intValue() == 0xFFFF) {
            return narrow(b.left(), to); // (short) (x & 0xFFFF) is (short) x: a char's zero-extension undone
        }
        return new Convert(Kind.INT, to, x);
    }

    static Expr cmp(Cond c, Expr l, Expr r) {
        // A boolean computed by branches and tested again: (c ? 1 : 0) != 0 is c.
        if (l instanceof Select s && r instanceof Const z && z.value().intValue() == 0
                && s.ifTrue() instanceof Const t && s.ifFalse() instanceof Const f
                && t.value().intValue() == 1 && f.value().intValue() == 0 && (c == Cond.NE || c == Cond.EQ)) {
            return c == Cond.NE ? s.cond() : not(s.cond());
        }
        return new Cmp(c, l, r);
    }

    static Expr not(Expr x) {
        if (x instanceof Not n) {
            return n.x();
        }
        if (x instanceof True) {
            return new Not(x);
        }
        if (x instanceof Cmp c && !c.left().kind().floating()) {
            return new Cmp(c.cond().negate(), c.left(), c.right());
        }
        return new Not(x);
    }

    static Expr and(Expr a, Expr b) {
        if (a instanceof True) {
            return b;
        }
        if (b instanceof True) {
            return a;
        }
        return new Logic(true, a, b);
    }

    /** Disjunction, folding {@code (p && c) || (p && !c)} back to {@code p} where branches rejoin. */
    static Expr or(Expr a, Expr b) {
        if (a instanceof True || b instanceof True) {
            return TRUE;
        }
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof Logic x && b instanceof Logic y && x.and() && y.and() && x.left().equals(y.left())
                && complementary(x.right(), y.right())) {
            return x.left();
        }
        if (complementary(a, b)) {
            return TRUE;
        }
        return new Logic(false, a, b);
    }

    private static boolean complementary(Expr a, Expr b) {
        return not(a).equals(b) || not(b).equals(a);
    }

    /** @return {@code cond ? t : f}, without a select when both sides are the same */
    static Expr select(Expr cond, Expr t, Expr f) {
        if (t.equals(f) || cond instanceof True) {
            return t;
        }
        if (cond instanceof Not n) {
            return new Select(n.x(), f, t);
        }
        return new Select(cond, t, f);
    }
}
