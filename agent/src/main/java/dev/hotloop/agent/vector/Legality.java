package dev.hotloop.agent.vector;

import dev.hotloop.agent.vector.Expr.Binary;
import dev.hotloop.agent.vector.Expr.Select;
import dev.hotloop.agent.vector.Expr.Var;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a lifted loop may run as SIMD code with results identical to the original
 * (or, with {@code fastMath}, within the documented bounds), and builds its {@link VectorPlan}.
 * Every refusal names the construct and, where there is one, the fix.
 */
final class Legality {

    private final LoopIR ir;
    private final boolean fastMath;
    private final Invariance invariance;

    private Legality(LoopIR ir, boolean fastMath) {
        this.ir = ir;
        this.fastMath = fastMath;
        this.invariance = new Invariance(ir.finals().keySet(), ir.stores());
    }

    /**
     * @param ir            the lifted loop
     * @param fastMath      {@code @Vectorize(fastMath = true)}
     * @param unroll        {@code @Vectorize(unroll)}; 0 chooses
     * @param preferredBits the widest vector the machine prefers, in bits
     * @return the plan
     * @throws Refusal when the loop must stay scalar
     */
    static VectorPlan check(LoopIR ir, boolean fastMath, int unroll, int preferredBits) throws Refusal {
        return new Legality(ir, fastMath).plan(unroll, preferredBits);
    }

    private VectorPlan plan(int unroll, int preferredBits) throws Refusal {
        List<Reduction> reductions = new ArrayList<>();
        for (Map.Entry<Integer, Expr> f : ir.finals().entrySet()) {
            Expr value = rewrite(f.getValue());
            if (mentionsAssigned(value)) {
                reductions.add(reduction(f.getKey(), value));
            }
        }
        List<Store> stores = new ArrayList<>();
        for (Store s : ir.stores()) {
            stores.add(new Store(s.array(), s.index(), s.element(), rewrite(s.value()), s.mask()));
        }
        List<Expr> computed = new ArrayList<>();
        for (Store s : stores) {
            computed.add(s.index());
            computed.add(s.value());
            computed.add(s.mask());
        }
        for (Reduction r : reductions) {
            computed.add(r.term());
        }
        for (Expr e : computed) {
            if (mentionsAssigned(e)) {
                Var v = firstAssigned(e);
                throw new Refusal("not vectorized: " + v + " carries a value from one iteration to the next; only reductions "
                        + "(s += x, s *= x, min, max, &, |, ^) may accumulate across iterations");
            }
            check(e);
        }
        List<Access> accesses = accesses(stores, computed);
        dependences(stores, accesses);
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (Store s : stores) {
            kinds.add(s.element());
            laneKinds(s.value(), kinds);
            laneKinds(s.mask(), kinds);
        }
        for (Reduction r : reductions) {
            kinds.add(r.kind());
            laneKinds(r.term(), kinds);
        }
        int lanes = Lanes.of(kinds, preferredBits);
        int u = unroll > 0 ? unroll : reductions.isEmpty() ? 1 : 4;
        boolean approximate = !reductions.stream().allMatch(r -> exact(r)) || computed.stream().anyMatch(Legality::approximate);
        return new VectorPlan(ir, lanes, kinds, List.copyOf(stores), List.copyOf(reductions), accesses,
                aliases(accesses), u, fastMath && approximate);
    }

    private static boolean exact(Reduction r) {
        return !r.kind().floating() || r.op() == Op.MIN || r.op() == Op.MAX;
    }

    private static boolean approximate(Expr e) {
        return Walk.any(e, n -> n instanceof Expr.Unary u && u.op().approximate() || n instanceof Binary b && b.op().approximate());
    }

    /** The lane types of a vector value: loads and invariants (broadcast) end the walk. */
    private void laneKinds(Expr e, Set<Kind> out) {
        if (e.kind().lane()) {
            out.add(e.kind());
        }
        if (e instanceof Expr.Load || invariance.test(e)) {
            return;
        }
        for (Expr c : Walk.children(e)) {
            laneKinds(c, out);
        }
    }

    // ---------------------------------------------------------------- locals

    private Reduction reduction(int slot, Expr value) throws Refusal {
        String name = ir.names().getOrDefault(slot, "local#" + slot);
        Expr mask = Simplify.TRUE;
        Expr update = value;
        if (value instanceof Select s && isSelf(s.ifFalse(), slot)) {
            mask = s.cond();
            update = s.ifTrue();
        } else if (value instanceof Select s && isSelf(s.ifTrue(), slot)) {
            mask = Simplify.not(s.cond());
            update = s.ifFalse();
        }
        if (update instanceof Binary b && (b.op().associative() || b.op() == Op.SUB)) {
            Expr term = isSelf(b.left(), slot) ? b.right() : isSelf(b.right(), slot) && b.op() != Op.SUB ? b.left() : null;
            if (term != null && !mentionsAssigned(term) && !mentionsAssigned(mask)) {
                if (b.kind().floating() && (b.op() == Op.ADD || b.op() == Op.SUB || b.op() == Op.MUL) && !fastMath) {
                    throw new Refusal("kept scalar: a " + b.kind().javaName() + " " + (b.op() == Op.MUL ? "product" : "sum")
                            + " must keep its order; add @Vectorize(fastMath = true) to allow reassociation");
                }
                Op op = b.op() == Op.SUB ? Op.ADD : b.op();
                Expr masked = Simplify.select(mask, term, Reduction.identity(op, b.kind()));
                return new Reduction(slot, name, op, b.kind(), masked, b.op() == Op.SUB);
            }
        }
        throw new Refusal("not vectorized: " + name + " carries a value from one iteration to the next (" + name + " = "
                + value + "); only reductions (s += x, s *= x, min, max, &, |, ^) may accumulate across iterations");
    }

    private static boolean isSelf(Expr e, int slot) {
        return e instanceof Var v && v.slot() == slot;
    }

    private boolean mentionsAssigned(Expr e) {
        return firstAssigned(e) != null;
    }

    private Var firstAssigned(Expr e) {
        Var[] found = new Var[1];
        Walk.each(e, n -> {
            if (found[0] == null && n instanceof Var v && ir.finals().containsKey(v.slot())) {
                found[0] = v;
            }
        });
        return found[0];
    }

    // ---------------------------------------------------------------- operations

    private void check(Expr e) throws Refusal {
        List<Refusal> bad = new ArrayList<>();
        Walk.each(e, n -> {
            if (!bad.isEmpty()) {
                return;
            }
            if (n instanceof Expr.Cmp3) {
                bad.add(new Refusal("uses a comparison result as a number (Float.compare style); compare in an if or ?: instead"));
            } else if (n instanceof Expr.Unary u && u.op().approximate() && !fastMath) {
                bad.add(new Refusal("kept scalar: Math." + u.op().symbol() + " has no bit-exact SIMD form; add @Vectorize(fastMath = true) "
                        + "to use the Vector API's version (within its documented ulp bound)"));
            } else if (n instanceof Binary b && b.op().approximate() && !fastMath) {
                bad.add(new Refusal("kept scalar: Math." + b.op().symbol() + " has no bit-exact SIMD form; add @Vectorize(fastMath = true) "
                        + "to use the Vector API's version (within its documented ulp bound)"));
            } else if (n.kind() == Kind.REF && !(n instanceof Var || n instanceof Expr.Field)) {
                bad.add(new Refusal("computes with object references inside the loop"));
            }
        });
        if (!bad.isEmpty()) {
            throw bad.get(0);
        }
    }

    /** fastMath: a float function computed in double and rounded back runs in float lanes. */
    private Expr rewrite(Expr e) {
        if (!fastMath) {
            return e;
        }
        return Walk.map(e, n -> {
            if (n instanceof Expr.Convert down && down.from() == Kind.DOUBLE && down.kind() == Kind.FLOAT
                    && down.x() instanceof Expr.Unary u && u.op().approximate()
                    && u.x() instanceof Expr.Convert up && up.from() == Kind.FLOAT && up.kind() == Kind.DOUBLE) {
                return new Expr.Unary(u.op(), Kind.FLOAT, up.x());
            }
            return n;
        });
    }

    // ---------------------------------------------------------------- memory

    private List<Access> accesses(List<Store> stores, List<Expr> computed) throws Refusal {
        List<Access> out = new ArrayList<>();
        for (Store s : stores) {
            Affine a = affine(s.array(), s.index(), "writes");
            if (a.scale() == 0) {
                throw new Refusal("not vectorized: writes " + s.array() + "[" + s.index() + "] on every iteration; "
                        + "compute the value in a local and store it after the loop");
            }
            add(out, new Access(s.array(), s.element(), a, true));
        }
        List<Expr.Load> loads = new ArrayList<>();
        for (Expr e : computed) {
            Walk.each(e, n -> {
                if (n instanceof Expr.Load l) {
                    loads.add(l);
                }
            });
        }
        for (Expr.Load l : loads) {
            add(out, new Access(l.array(), l.kind(), affine(l.array(), l.index(), "reads"), false));
        }
        return List.copyOf(out);
    }

    private static void add(List<Access> out, Access a) {
        for (int i = 0; i < out.size(); i++) {
            Access o = out.get(i);
            if (o.array().equals(a.array()) && o.index().equals(a.index())) {
                out.set(i, new Access(o.array(), o.element(), o.index(), o.written() || a.written()));
                return;
            }
        }
        out.add(a);
    }

    private Affine affine(Expr array, Expr index, String verb) throws Refusal {
        if (!invariance.test(array)) {
            throw new Refusal("not vectorized: " + verb + " an array chosen inside the loop (" + array + ")");
        }
        Affine a = Affine.of(index, invariance);
        if (a == null) {
            throw new Refusal("not vectorized: " + verb + " " + array + "[" + index + "]: the index is not " + ir.ivName()
                    + " plus a loop-invariant offset (a gather or scatter)");
        }
        if (a.scale() != 0 && a.scale() != 1) {
            throw new Refusal("not vectorized: " + verb + " " + array + "[" + index + "] with stride " + a.scale()
                    + "; only consecutive elements are vectorized");
        }
        return a;
    }

    private void dependences(List<Store> stores, List<Access> accesses) throws Refusal {
        for (Access w : accesses) {
            if (!w.written()) {
                continue;
            }
            for (Access o : accesses) {
                if (o == w || !o.array().equals(w.array())) {
                    continue;
                }
                if (!o.index().sameBase(w.index())) {
                    throw new Refusal("not vectorized: " + w.array() + "[" + w.index() + "] and " + o.array() + "[" + o.index()
                            + "] may overlap across iterations; use separate arrays");
                }
                long d = (o.index().offset() - w.index().offset()) * ir.step();
                if (o.written()) {
                    throw new Refusal("not vectorized: writes both " + w.array() + "[" + w.index() + "] and " + o.array() + "["
                            + o.index() + "] in one iteration (the iterations overlap)");
                }
                if (d < 0) {
                    throw new Refusal("not vectorized: " + w.array() + "[" + w.index() + "] depends on " + o.array() + "[" + o.index()
                            + "] (loop-carried dependence)");
                }
            }
        }
    }

    private static List<Expr[]> aliases(List<Access> accesses) {
        List<Expr[]> out = new ArrayList<>();
        for (int i = 0; i < accesses.size(); i++) {
            for (int j = i + 1; j < accesses.size(); j++) {
                Access a = accesses.get(i);
                Access b = accesses.get(j);
                if ((a.written() || b.written()) && a.element() == b.element() && !a.array().equals(b.array())
                        && out.stream().noneMatch(p -> p[0].equals(a.array()) && p[1].equals(b.array())
                                || p[0].equals(b.array()) && p[1].equals(a.array()))) {
                    out.add(new Expr[] {a.array(), b.array()});
                }
            }
        }
        return out;
    }
}
