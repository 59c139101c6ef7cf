package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.vector.Expr.Binary;
import dev.hotloop.agent.vector.Expr.Select;
import dev.hotloop.agent.vector.Expr.Var;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The locals a loop carries from one iteration to the next ({@link LoopIR#finals()}): which of
 * them are reductions ({@code s += x}, {@code s *= x}, min, max, {@code &}, {@code |}, {@code ^},
 * under a condition too), and whether an expression reads one of them, which only a reduction's
 * own update may.
 */
final class Reductions {

    private final LoopIR ir;
    private final boolean fastMath;

    Reductions(LoopIR ir, boolean fastMath) {
        this.ir = ir;
        this.fastMath = fastMath;
    }

    /**
     * @param slot  a local the loop assigns
     * @param value its value at the end of an iteration, in terms of its value at the start
     * @return the reduction it is
     * @throws Refusal when it carries a value some other way
     */
    Reduction of(int slot, Expr value) throws Refusal {
        String name = ir.names().getOrDefault(slot, "local#" + slot);
        Expr mask = Simplify.TRUE;
        Expr update = value;
        // Each && of an if is a branch of its own: p ? s : (q ? s : s + x) updates where !p && !q.
        while (update instanceof Select s && (isSelf(s.ifFalse(), slot) || isSelf(s.ifTrue(), slot))) {
            boolean keptWhenFalse = isSelf(s.ifFalse(), slot);
            mask = Simplify.and(mask, keptWhenFalse ? s.cond() : Simplify.not(s.cond()));
            update = keptWhenFalse ? s.ifTrue() : s.ifFalse();
        }
        Kind narrow = null;
        if (update instanceof Expr.Convert widen && widen.kind() == Kind.INT && widen.x() instanceof Expr.Convert cut
                && cut.from() == Kind.INT && cut.kind() == widen.from() && cut.x() instanceof Binary inner
                && inner.op() != Op.MIN && inner.op() != Op.MAX) {
            narrow = widen.from(); // a byte or short local: wrapping arithmetic commutes with the final cast
            update = inner;
        }
        if (update instanceof Binary b && (b.op().associative() || b.op() == Op.SUB)) {
            Expr term = isSelf(b.left(), slot) ? b.right() : isSelf(b.right(), slot) && b.op() != Op.SUB ? b.left() : null;
            if (term != null && !carries(term) && !carries(mask)) {
                // a strict float/double sum or product keeps its order: its lanes are folded one at a time
                boolean ordered = b.kind().floating() && (b.op() == Op.ADD || b.op() == Op.SUB || b.op() == Op.MUL) && !fastMath;
                Op op = b.op() == Op.SUB ? Op.ADD : b.op();
                boolean subtract = b.op() == Op.SUB;
                Expr masked = Simplify.select(mask, term, ordered ? Reduction.orderedIdentity(op, b.kind(), subtract)
                        : Reduction.identity(op, b.kind()));
                return new Reduction(slot, name, op, b.kind(), masked, subtract, narrow, ordered);
            }
        }
        throw new Refusal(RefusalCode.CARRIED_LOCAL, "" + name + " carries a value from one iteration to the next (" + name + " = "
                + Refusal.brief(value) + "); only reductions (s += x, s *= x, min, max, &, |, ^) may accumulate across iterations");
    }

    /** @return whether {@code e} reads a local the loop assigns */
    boolean carries(Expr e) {
        return firstCarried(e) != null;
    }

    /** @return the first local the loop assigns that {@code e} reads, or null */
    Var firstCarried(Expr e) {
        for (Expr n : Walk.nodes(e)) {
            if (n instanceof Var v && ir.finals().containsKey(v.slot())) {
                return v;
            }
        }
        return null;
    }

    /** @return whether the reduction's SIMD result is the loop's bit for bit: not a reassociated float sum or product */
    static boolean exact(Reduction r) {
        return !r.kind().floating() || r.op() == Op.MIN || r.op() == Op.MAX || r.ordered();
    }

    /** @return the slots of the sums that fastMath contracts: {@code acc + x * y} becomes one fused multiply-add */
    static Set<Integer> contracted(List<Reduction> reductions, boolean fast, Invariance invariance) {
        Set<Integer> out = new TreeSet<>();
        for (Reduction r : reductions) {
            if (fast && r.op() == Op.ADD && r.kind().floating() && r.term() instanceof Binary m && m.op() == Op.MUL
                    && !invariance.test(r.term())) {
                out.add(r.slot());
            }
        }
        return out;
    }

    private static boolean isSelf(Expr e, int slot) {
        return e instanceof Var v && v.slot() == slot;
    }
}
