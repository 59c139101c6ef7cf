package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.vector.Expr.Binary;
import dev.hotloop.agent.vector.Expr.Select;
import dev.hotloop.agent.vector.Expr.Var;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Decides whether a lifted loop may run as SIMD code with results identical to the original
 * (or, with {@code fastMath}, within the documented bounds), and builds its {@link VectorPlan}.
 * Every refusal names the construct and, where there is one, the fix.
 */
final class Legality {

    private final LoopIR ir;
    private final boolean fastMath;
    private final Invariance invariance;
    /** The affine form of every index the loop loads or stores at, as checked. */
    private final Map<Expr, Affine> indexes = new HashMap<>();

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
        Map<Integer, Expr> finals = new HashMap<>();
        for (Map.Entry<Integer, Expr> f : ir.finals().entrySet()) {
            finals.put(f.getKey(), rewrite(f.getValue()));
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
            if (value != null && mentionsAssigned(value)) {
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
            if (mentionsAssigned(f.mask())) {
                throw new Refusal(RefusalCode.CARRIED_LOCAL, "sets a flag (a coverage probe) on a branch that tests " + firstAssigned(f.mask())
                        + ", which the loop updates: the lanes cannot tell in which iterations the branch ran; "
                        + "the loop runs as written while it is probed");
            }
            computed.add(f.mask());
        }
        computed.addAll(ir.traps()); // dead loads and divisions still throw in the original
        for (Expr e : computed) {
            if (mentionsAssigned(e)) {
                Var v = firstAssigned(e);
                throw new Refusal(RefusalCode.CARRIED_LOCAL, "" + v + " carries a value from one iteration to the next; only reductions "
                        + "(s += x, s *= x, min, max, &, |, ^) may accumulate across iterations");
            }
            check(e);
        }
        List<Access> accesses = accesses(stores, computed);
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
        for (Flag f : ir.flags()) {
            laneKinds(f.mask(), kinds);
        }
        for (Expr g : gathered(accesses)) { // a gather's indexes are int lanes
            kinds.add(Kind.INT);
            laneKinds(g, kinds);
        }
        for (Expr e : ir.exits()) {
            laneKinds(e, kinds);
        }
        for (Selection sel : selections) {
            kinds.add(sel.kind());
            kinds.add(Kind.INT); // the iteration each lane's best comes from
            for (Expr v : Selections.values(sel, ir.ivName())) {
                laneKinds(v, kinds);
            }
            for (Selection.Companion c : sel.companions()) {
                kinds.add(c.kind());
            }
        }
        List<Access[]> carried = new ArrayList<>();
        List<Access[]> runtime = dependences(accesses, carried);
        int lanes = fit(Lanes.of(kinds, VectorCost.bits(kinds, reductions, preferredBits)), carried, kinds);
        int u = VectorCost.unroll(unroll, reductions, selections);
        boolean approximate = false;
        for (Reduction r : reductions) {
            approximate |= !exact(r);
        }
        for (Expr e : computed) {
            approximate |= approximate(e);
        }
        boolean fast = fastMath && approximate;
        return new VectorPlan(ir, lanes, kinds, List.copyOf(stores), List.copyOf(reductions), accesses,
                aliases(accesses), runtime, List.copyOf(carried), divisors(computed, ir.bound()), references(), u, fast, invariance,
                Map.copyOf(indexes), hoisted(withGathered(VectorPlan.values(stores, reductions, selections, ir), accesses)),
                contracted(reductions, fast), List.copyOf(selections));
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
        out.addAll(gathered(accesses));
        return out;
    }

    /** @return the slots of the sums that fastMath contracts: {@code acc + x * y} becomes one fused multiply-add */
    private Set<Integer> contracted(List<Reduction> reductions, boolean fast) {
        Set<Integer> out = new TreeSet<>();
        for (Reduction r : reductions) {
            if (fast && r.op() == Op.ADD && r.kind().floating() && r.term() instanceof Binary m && m.op() == Op.MUL
                    && !invariance.test(r.term())) {
                out.add(r.slot());
            }
        }
        return out;
    }

    private static boolean exact(Reduction r) {
        return !r.kind().floating() || r.op() == Op.MIN || r.op() == Op.MAX || r.ordered();
    }

    private static boolean approximate(Expr e) {
        for (Expr n : Walk.nodes(e)) {
            if (n instanceof Expr.Unary u && u.op().approximate() || n instanceof Binary b && b.op().approximate()) {
                return true;
            }
        }
        return false;
    }

    /** The lane types of a vector value: loads and invariants (broadcast) end the walk. */
    private void laneKinds(Expr e, Set<Kind> out) {
        if (e.kind().lane()) {
            out.add(e.kind());
        }
        if (e instanceof Expr.Load || invariance.test(e)) {
            return;
        }
        if (e instanceof Binary b && b.right().kind() != b.kind()) { // a long shifted by an int count
            laneKinds(b.left(), out);
            laneKinds(new Expr.Convert(b.right().kind(), b.kind(), b.right()), out);
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
        Kind narrow = null;
        if (update instanceof Expr.Convert widen && widen.kind() == Kind.INT && widen.x() instanceof Expr.Convert cut
                && cut.from() == Kind.INT && cut.kind() == widen.from() && cut.x() instanceof Binary inner
                && inner.op() != Op.MIN && inner.op() != Op.MAX) {
            narrow = widen.from(); // a byte or short local: wrapping arithmetic commutes with the final cast
            update = inner;
        }
        if (update instanceof Binary b && (b.op().associative() || b.op() == Op.SUB)) {
            Expr term = isSelf(b.left(), slot) ? b.right() : isSelf(b.right(), slot) && b.op() != Op.SUB ? b.left() : null;
            if (term != null && !mentionsAssigned(term) && !mentionsAssigned(mask)) {
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

    private static boolean isSelf(Expr e, int slot) {
        return e instanceof Var v && v.slot() == slot;
    }

    private boolean mentionsAssigned(Expr e) {
        return firstAssigned(e) != null;
    }

    private Var firstAssigned(Expr e) {
        for (Expr n : Walk.nodes(e)) {
            if (n instanceof Var v && ir.finals().containsKey(v.slot())) {
                return v;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- operations

    private void check(Expr e) throws Refusal {
        List<Refusal> bad = new ArrayList<>();
        for (Expr n : Walk.nodes(e)) {
            if (!bad.isEmpty()) {
                break;
            }
            if (n instanceof Expr.Not x && x.x() instanceof Expr.True) {
                bad.add(new Refusal(RefusalCode.NO_SIMD_FORM, "has code under a condition that never holds; remove it"));
            } else if (n instanceof Expr.Cmp3) {
                bad.add(new Refusal(RefusalCode.NO_SIMD_FORM, "uses a comparison result as a number (Float.compare style); compare in an if or ?: instead"));
            } else if (n instanceof Expr.Unary u && u.op().approximate() && !fastMath) {
                bad.add(new Refusal(RefusalCode.APPROXIMATE_MATH, "Math." + u.op().symbol() + " has no bit-exact SIMD form; add @Vectorize(fastMath = true) "
                        + "to use the Vector API's version (within its documented ulp bound)"));
            } else if (n instanceof Binary b && b.op().approximate() && !fastMath) {
                bad.add(new Refusal(RefusalCode.APPROXIMATE_MATH, "Math." + b.op().symbol() + " has no bit-exact SIMD form; add @Vectorize(fastMath = true) "
                        + "to use the Vector API's version (within its documented ulp bound)"));
            } else if (n instanceof Binary b && b.op() == Op.COPY_SIGN && !NanSigns.data(b.right())) {
                bad.add(new Refusal(RefusalCode.NO_SIMD_FORM, "Math.copySign takes its sign from " + Refusal.brief(b.right()) + ", whose NaNs "
                        + "get a sign bit that scalar and SIMD arithmetic may set differently; use StrictMath.copySign, which counts a NaN "
                        + "sign as positive, or a sign read from an array"));
            } else if (n instanceof Binary b && (b.op() == Op.REM || b.op() == Op.DIV && b.kind().integral()) && !invariance.test(n)) {
                bad.add(new Refusal(RefusalCode.NO_SIMD_FORM, b.op() == Op.REM && b.kind().floating()
                        ? "uses % on " + b.kind().javaName() + " values per element; the Vector API has no remainder operation"
                        : "divides " + b.kind().javaName() + " values per element (" + b + "); integer division and % have no SIMD "
                        + "instruction on x86, and the Vector API would divide one lane at a time, slower than the loop"));
            } else if (n.kind() == Kind.REF && !(n instanceof Var || n instanceof Expr.Field || n instanceof Expr.ProbeArray)) {
                bad.add(new Refusal(RefusalCode.UNSUPPORTED_TYPE, "computes with object references inside the loop"));
            }
        }
        if (!bad.isEmpty()) {
            throw bad.get(0);
        }
    }

    /**
     * fastMath: a float function computed in double and rounded back runs in float lanes; and
     * {@code pow} keeps {@code Math.pow}'s special cases where the lane operation (C's {@code pow},
     * once C2 compiles it) differs: a NaN exponent, and a base of absolute value 1 with an infinite
     * exponent, give NaN, not 1.
     */
    private Expr rewrite(Expr e) {
        if (!fastMath) {
            return e;
        }
        return Walk.map(e, new FastForms());
    }

    /** The node-by-node fastMath rewrite (a class, not a lambda: see {@link Walk}). */
    private static final class FastForms implements UnaryOperator<Expr> {
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

    // ---------------------------------------------------------------- memory

    private List<Access> accesses(List<Store> stores, List<Expr> computed) throws Refusal {
        List<Access> out = new ArrayList<>();
        for (Store s : stores) {
            Affine a = affine(s.array(), s.index(), "writes");
            if (a.invariant()) {
                throw new Refusal(RefusalCode.INVARIANT_STORE, "writes " + s.array() + "[" + Refusal.brief(s.index()) + "] on every iteration; "
                        + "compute the value in a local and store it after the loop");
            }
            if (a.runtimeStride()) {
                throw new Refusal(RefusalCode.GATHER_SCATTER, "writes " + s.array() + "[" + Refusal.brief(s.index()) + "] with the step " + a.step()
                        + ", known only at run time: a scatter whose lanes could meet (a step of 0) is not generated; "
                        + "step the store's index by a constant");
            }
            AccessForm form = AccessForm.of(a, Math.abs(ir.step()));
            // a reversed store under a condition scatters, so each lane keeps its own mask bit
            add(out, new Access(s.array(), s.element(), a, form == AccessForm.REVERSED && !(s.mask() instanceof Expr.True)
                    ? AccessForm.STRIDED : form, true, false, false));
        }
        List<Expr.Load> loads = new ArrayList<>();
        for (Expr e : computed) {
            for (Expr n : Walk.nodes(e)) {
                if (n instanceof Expr.Load l) {
                    loads.add(l);
                }
            }
        }
        for (Expr.Load l : loads) {
            if (gather(l)) {
                add(out, new Access(l.array(), l.kind(), null, AccessForm.GATHER, false, true, ir.lateLoads().contains(l), l.index()));
                continue;
            }
            Affine a = affine(l.array(), l.index(), "reads");
            add(out, new Access(l.array(), l.kind(), a, AccessForm.of(a, Math.abs(ir.step())), false, true, ir.lateLoads().contains(l)));
        }
        return List.copyOf(out);
    }

    /**
     * @return whether a load is a gather: from a loop-invariant array at an index that is not
     *     affine, computed per element from affine loads only ({@code a[b[i]]}, not {@code a[b[c[i]]]})
     * @throws Refusal for a gather through a gathered index
     */
    private boolean gather(Expr.Load l) throws Refusal {
        if (!invariance.test(l.array()) || Affine.of(l.index(), invariance) != null) {
            return false;
        }
        for (Expr n : Walk.nodes(l.index())) {
            if (n instanceof Expr.Load inner && Affine.of(inner.index(), invariance) == null) {
                throw new Refusal(RefusalCode.GATHER_SCATTER, "reads " + l.array() + "[" + Refusal.brief(l.index()) + "] through an index that is "
                        + "itself gathered; only one level of a[b[i]] is vectorized");
            }
        }
        return true;
    }

    /** @return the per-element indexes of the plan's gathers */
    private static List<Expr> gathered(List<Access> accesses) {
        List<Expr> out = new ArrayList<>();
        for (Access a : accesses) {
            if (a.gathered() != null) {
                out.add(a.gathered());
            }
        }
        return out;
    }

    private static void add(List<Access> out, Access a) {
        for (int i = 0; i < out.size(); i++) {
            Access o = out.get(i);
            if (o.array().equals(a.array()) && java.util.Objects.equals(o.index(), a.index()) && java.util.Objects.equals(o.gathered(), a.gathered())) {
                // forms differ only where a reversed store under a condition scatters: every use of the index does
                AccessForm form = o.form() == a.form() ? o.form() : AccessForm.STRIDED;
                out.set(i, new Access(o.array(), o.element(), o.index(), form, o.written() || a.written(), o.read() || a.read(), o.late() || a.late(),
                        o.gathered()));
                return;
            }
        }
        out.add(a);
    }

    private Affine affine(Expr array, Expr index, String verb) throws Refusal {
        if (!invariance.test(array)) {
            throw new Refusal(RefusalCode.GATHER_SCATTER, "" + verb + " an array chosen inside the loop (" + Refusal.brief(array) + ")");
        }
        Affine a = Affine.of(index, invariance);
        if (a == null) {
            throw new Refusal(RefusalCode.GATHER_SCATTER, "" + verb + " " + array + "[" + Refusal.brief(index) + "]: the index is not " + ir.ivName()
                    + " plus a loop-invariant offset (a gather or scatter)");
        }
        indexes.put(index, a);
        return a;
    }

    /**
     * Checks each pair of accesses to one array of which one is a store. A read of an element that
     * an earlier iteration wrote fewer than {@code lanes} iterations before is a loop-carried
     * dependence; reads ahead of the writes, or far enough behind, are not (a chunk loads before it
     * stores). Two indexes with the same step {@code k} meet only where their constant parts differ
     * by a multiple of {@code k} ({@code a[2*i]} never meets {@code a[2*i + 1]}), and then at the
     * iteration distance of that multiple. Where the distance depends on run-time values, the pair
     * is returned for a guard (steps 1 and -1 only). Pairs {write, read} where the read sees the
     * write a constant number of iterations later go to {@code carried}: {@link #fit} keeps the
     * lanes within that distance, as a chunk stores before the next one loads.
     */
    private List<Access[]> dependences(List<Access> accesses, List<Access[]> carried) throws Refusal {
        List<Access[]> runtime = new ArrayList<>();
        for (Access w : accesses) {
            if (!w.written()) {
                continue;
            }
            for (Access o : accesses) {
                if (o == w || !o.array().equals(w.array())) {
                    continue;
                }
                if (o.form() == AccessForm.GATHER) {
                    throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "reads " + o.array() + "[" + Refusal.brief(o.gathered()) + "], an element chosen per "
                            + "iteration of an array the loop also writes as " + w.array() + "[" + w.index() + "] (a possible loop-carried dependence)");
                }
                if (o.written() && !apart(w.index(), o.index(), ir.step())) {
                    throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "writes both " + w.array() + "[" + w.index() + "] and " + o.array() + "["
                            + o.index() + "] in one iteration (the iterations overlap)");
                }
                if (o.written()) {
                    continue; // interleaved stores, a[2*i] and a[2*i + 1]: they never meet
                }
                if (o.index().scale() != w.index().scale() || o.index().runtimeStride()) {
                    throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "reads " + o.array() + "[" + o.index() + "], an element the loop also writes "
                            + "as " + w.array() + "[" + w.index() + "] (loop-carried dependence)");
                }
                long k = (long) w.index().scale() * ir.step(); // elements per iteration
                if (!o.index().sameBase(w.index())) {
                    if (k != 1 && k != -1) {
                        throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "reads " + o.array() + "[" + o.index() + "] and writes " + w.array() + "["
                                + w.index() + "] with the step " + k + " at offsets known only at run time (a possible loop-carried dependence); "
                                + "write the two indexes with the same invariant part");
                    }
                    runtime.add(new Access[] {w, o});
                    continue;
                }
                long apart = w.index().offset() - o.index().offset();
                if (apart % k != 0) {
                    continue; // the two never meet: a[2*i] and a[2*i + 1]
                }
                long distance = apart / k;
                if (distance == 0 && o.late()) {
                    throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "reads " + o.array() + "[" + o.index() + "] after writing the same element through "
                            + "another expression; write the index the same way in both places");
                }
                if (distance > 0) {
                    carried.add(new Access[] {w, o}); // a read of an earlier iteration's write: the lanes must not exceed the distance
                }
            }
        }
        return List.copyOf(runtime);
    }

    /**
     * @return the lanes, fewer where a dependence at a constant distance needs it: at most the
     *     shortest distance, a power of two
     * @throws Refusal when the distance is shorter than the fewest lanes the types allow
     */
    private int fit(int lanes, List<Access[]> carried, Set<Kind> kinds) throws Refusal {
        int fitted = lanes;
        for (Access[] pair : carried) {
            long d = distance(pair, ir.step());
            while (fitted > d) {
                fitted /= 2;
            }
            if (fitted < 2 || !Lanes.fits(kinds, fitted)) {
                throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "" + pair[0].array() + "[" + pair[0].index() + "] depends on "
                        + pair[1].array() + "[" + pair[1].index() + "] (loop-carried dependence)" + (d == 1 ? ""
                        : ": " + d + " iterations apart, fewer than the lanes of the shortest vector of its types"));
            }
        }
        return fitted;
    }

    /** @return the iterations from a write to the read that sees it, for a pair of {@link #dependences}' {@code carried} */
    static long distance(Access[] pair, int step) {
        return (pair[0].index().offset() - pair[1].index().offset()) / ((long) pair[0].index().scale() * step);
    }

    /**
     * @return whether two indexes with one constant step never meet: their constant parts differ
     *     by no multiple of the elements one iteration moves them ({@code a[i]} and {@code a[i + 1]}
     *     when {@code i += 2})
     */
    private static boolean apart(Affine x, Affine y, int step) {
        return x.sameBase(y) && !x.runtimeStride() && (x.offset() - y.offset()) % ((long) x.scale() * step) != 0;
    }

    /** @return the objects and arrays the loop dereferences, which the guards check for null */
    private List<Expr> references() {
        List<Expr> out = new ArrayList<>();
        List<Expr> all = new ArrayList<>(ir.traps());
        for (Store s : ir.stores()) {
            all.add(new Expr.Load(s.array(), s.index(), s.element()));
        }
        for (Flag f : ir.flags()) {
            all.add(new Expr.Load(f.array(), new Expr.Const(Kind.INT, f.index()), Kind.BYTE));
        }
        for (Expr t : all) {
            Expr ref = t instanceof Expr.Load l ? l.array() : t instanceof Expr.Length l ? l.array()
                    : t instanceof Expr.Field f ? f.object() : null;
            if (ref != null && !out.contains(ref)) {
                out.add(ref);
            }
        }
        return List.copyOf(out);
    }

    /** @return the invariant integer divisors, which the guards check for zero before they are computed */
    private List<Expr> divisors(List<Expr> computed, Expr bound) {
        List<Expr> out = new ArrayList<>();
        List<Expr> all = new ArrayList<>(computed);
        all.add(bound);
        for (Expr e : all) {
            for (Expr n : Walk.nodes(e)) {
                if (n instanceof Binary b && (b.op() == Op.DIV || b.op() == Op.REM) && b.kind().integral() && !out.contains(b.right())) {
                    out.add(b.right());
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean paired(List<Expr[]> pairs, Expr x, Expr y) {
        for (Expr[] p : pairs) {
            if (p[0].equals(x) && p[1].equals(y) || p[0].equals(y) && p[1].equals(x)) {
                return true;
            }
        }
        return false;
    }

    private static List<Expr[]> aliases(List<Access> accesses) {
        List<Expr[]> out = new ArrayList<>();
        for (int i = 0; i < accesses.size(); i++) {
            for (int j = i + 1; j < accesses.size(); j++) {
                Access a = accesses.get(i);
                Access b = accesses.get(j);
                if ((a.written() || b.written()) && a.element() == b.element() && !a.array().equals(b.array())
                        && !paired(out, a.array(), b.array())) {
                    out.add(new Expr[] {a.array(), b.array()});
                }
            }
        }
        return out;
    }
}
