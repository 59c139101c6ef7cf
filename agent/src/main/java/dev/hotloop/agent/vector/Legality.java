package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.vector.Expr.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a lifted loop may run as SIMD code with results identical to the original
 * (or, with {@code fastMath}, within the documented bounds), and builds its {@link VectorPlan}.
 * Every refusal names the construct and, where there is one, the fix. The stages, in order:
 * {@link FastMathForms}, the locals carried across iterations ({@link Reductions},
 * {@link Selections}), the operations ({@link OperationCheck}), the memory accesses
 * ({@link Accesses}) and their dependences ({@link Dependences}), the lane types
 * ({@link LaneKinds}) and what the guards check ({@link GuardInputs}); {@link VectorCost} picks
 * the vector width and the unroll.
 */
final class Legality {

    private final LoopIR ir;
    private final boolean fastMath;
    private final Invariance invariance;
    private final Reductions locals;

    private Legality(LoopIR ir, boolean fastMath) {
        this.ir = ir;
        this.fastMath = fastMath;
        this.invariance = new Invariance(ir.finals().keySet(), ir.stores());
        this.locals = new Reductions(ir, fastMath);
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
        Map<Integer, Expr> finals = new HashMap<>();
        for (Map.Entry<Integer, Expr> f : ir.finals().entrySet()) {
            finals.put(f.getKey(), FastMathForms.of(f.getValue(), fastMath));
        }
        List<Selection> selections = new ArrayList<>();
        for (Selection s : Selections.find(finals, ir.names())) {
            finals.remove(s.slot());
            for (Selection.Companion c : s.companions()) {
                finals.remove(c.slot());
            }
            if (s.kind().integral() && s.companions().isEmpty()) { // no equal values to tell apart: plain max or min
                Op op = s.max() ? Op.MAX : Op.MIN;
                reductions.add(new Reduction(s.slot(), s.name(), op, s.kind(),
                        Simplify.select(s.guard(), s.term(), Reduction.identity(op, s.kind())), false, null, false));
            } else {
                selections.add(s);
            }
        }
        for (Map.Entry<Integer, Expr> f : ir.finals().entrySet()) {
            Expr value = finals.get(f.getKey());
            if (value != null && locals.carries(value)) {
                reductions.add(locals.of(f.getKey(), value));
            }
        }
        List<Store> stores = new ArrayList<>();
        for (Store s : ir.stores()) {
            stores.add(new Store(s.array(), s.index(), s.element(), FastMathForms.of(s.value(), fastMath), s.mask()));
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
        for (Selection sel : selections) {
            computed.addAll(Selections.values(sel, ir.ivName()));
        }
        if (!ir.exits().isEmpty()) {
            searchOnly(stores, reductions, selections);
            computed.addAll(ir.exits());
        }
        for (Flag f : ir.flags()) {
            if (!invariance.test(f.array())) {
                throw new Refusal(RefusalCode.GATHER_SCATTER, "sets a flag in an array chosen inside the loop (" + Refusal.brief(f.array()) + ")");
            }
            if (locals.carries(f.mask())) {
                throw new Refusal(RefusalCode.CARRIED_LOCAL, "sets a flag (a coverage probe) on a branch that tests " + locals.firstCarried(f.mask())
                        + ", which the loop updates: the lanes cannot tell in which iterations the branch ran; "
                        + "the loop runs as written while it is probed");
            }
            computed.add(f.mask());
        }
        computed.addAll(ir.traps()); // dead loads and divisions still throw in the original
        for (Expr e : computed) {
            if (locals.carries(e)) {
                Var v = locals.firstCarried(e);
                throw new Refusal(RefusalCode.CARRIED_LOCAL, "" + v + " carries a value from one iteration to the next; only reductions "
                        + "(s += x, s *= x, min, max, &, |, ^) may accumulate across iterations");
            }
            OperationCheck.check(e, fastMath, invariance);
        }
        Accesses memory = new Accesses(ir, invariance);
        List<Access> accesses = memory.of(stores, computed);
        Dependences.flags(ir.flags(), accesses);
        Set<Kind> kinds = kinds(stores, reductions, selections, accesses);
        List<Access[]> carried = new ArrayList<>();
        List<Access[]> runtime = Dependences.of(accesses, carried, ir.step());
        int lanes = Dependences.fit(Lanes.of(kinds, VectorCost.bits(kinds, reductions, preferredBits)), carried, kinds, ir.step());
        int u = VectorCost.unroll(unroll, reductions, selections);
        boolean approximate = OperationCheck.approximate(computed);
        for (Reduction r : reductions) {
            approximate |= !Reductions.exact(r);
        }
        boolean fast = fastMath && approximate;
        return new VectorPlan(ir, lanes, kinds, List.copyOf(stores), List.copyOf(reductions), accesses,
                GuardInputs.aliases(accesses, ir.flags()), runtime, List.copyOf(carried), GuardInputs.divisors(computed, ir.bound()),
                GuardInputs.references(ir), u, fast, invariance, memory.indexes(),
                hoisted(withGathered(VectorPlan.values(stores, reductions, selections, ir), accesses)),
                Reductions.contracted(reductions, fast, invariance), List.copyOf(selections));
    }

    /** @return the lane types of everything the SIMD code stores, reduces, selects, gathers and tests */
    private Set<Kind> kinds(List<Store> stores, List<Reduction> reductions, List<Selection> selections, List<Access> accesses) {
        LaneKinds kinds = new LaneKinds(invariance);
        for (Store s : stores) {
            kinds.add(s.element());
            kinds.of(s.value());
            kinds.of(s.mask());
        }
        for (Reduction r : reductions) {
            kinds.add(r.kind());
            kinds.of(r.term());
        }
        for (Flag f : ir.flags()) {
            kinds.of(f.mask());
        }
        for (Expr g : Accesses.gathered(accesses)) { // a gather's indexes are int lanes
            kinds.add(Kind.INT);
            kinds.of(g);
        }
        for (Expr e : ir.exits()) {
            kinds.of(e);
        }
        for (Selection sel : selections) {
            kinds.add(sel.kind());
            kinds.add(Kind.INT); // the iteration each lane's best comes from
            for (Expr v : Selections.values(sel, ir.ivName())) {
                kinds.of(v);
            }
            for (Selection.Companion c : sel.companions()) {
                kinds.add(c.kind());
            }
        }
        return kinds.kinds();
    }

    /**
     * A loop that leaves early (break, return) is vectorized when it only searches: the SIMD code
     * stops before the first iteration that leaves and the original loop runs that one, so no
     * iteration before it may have an effect the SIMD code would have to reproduce. Flags (coverage
     * probes) are the exception: the original loop then runs the whole chunk that leaves.
     */
    private void searchOnly(List<Store> stores, List<Reduction> reductions, List<Selection> selections) throws Refusal {
        String what = !stores.isEmpty() ? "writes " + stores.get(0).array() + "[" + Refusal.brief(stores.get(0).index()) + "]"
                : !reductions.isEmpty() ? "accumulates " + reductions.get(0).name()
                : !selections.isEmpty() ? "selects " + selections.get(0).name()
                : !ir.finals().isEmpty() ? "assigns " + ir.names().getOrDefault(ir.finals().keySet().iterator().next(), "a local")
                : null;
        if (what != null) {
            throw new Refusal(RefusalCode.EARLY_EXIT, "leaves the loop early (break or return) and also " + what
                    + "; only a loop that searches (tests elements and leaves) is vectorized with an early exit: "
                    + "move the other work into a loop of its own");
        }
    }

    /**
     * @return the invariant lane values the vector code broadcasts once, before its loop, in the
     *     order it first meets them (loads and invariants end the walk)
     */
    private List<Expr> hoisted(List<Expr> values) {
        LinkedHashSet<Expr> out = new LinkedHashSet<>();
        for (Expr v : values) {
            hoist(v, out);
        }
        return List.copyOf(out);
    }

    private void hoist(Expr e, LinkedHashSet<Expr> out) {
        if (out.contains(e)) {
            return;
        }
        if (invariance.test(e) && e.kind().lane()) {
            out.add(e);
            return;
        }
        if (!(e instanceof Expr.Load)) {
            for (Expr c : Walk.children(e)) {
                hoist(c, out);
            }
        }
    }

    /** @return the values, then the gathers' indexes, which each chunk computes (for a dead gather too) */
    private static List<Expr> withGathered(List<Expr> values, List<Access> accesses) {
        List<Expr> out = new ArrayList<>(values);
        out.addAll(Accesses.gathered(accesses));
        return out;
    }
}
