package dev.hotloop.agent.vector;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.LabelNode;

/**
 * The vector code of a plan's {@link Selection}s: per accumulator, each lane's best so far, the
 * iteration that set it, whether any did, and the companions' values there; a chunk compares and
 * blends; after the loop the lanes are folded into the locals in iteration order, which decides
 * between equal values (and between {@code -0.0} and {@code 0.0}) exactly as the loop does.
 */
final class SelectionCode implements Opcodes {

    private final Emitter out;
    private final VectorEmitter vectors;
    private final VectorPlan plan;
    /** Per selection and accumulator: best, iteration, set, then one per companion. */
    private final int[][][] locals;

    SelectionCode(Emitter out, VectorEmitter vectors, VectorPlan plan) {
        this.out = out;
        this.vectors = vectors;
        this.plan = plan;
        this.locals = new int[plan.selections().size()][plan.unroll()][];
    }

    /** Before the loop: every lane's best is the local's value, no lane has been set. */
    void init() {
        List<Selection> selections = plan.selections();
        for (int s = 0; s < selections.size(); s++) {
            Selection sel = selections.get(s);
            for (int u = 0; u < plan.unroll(); u++) {
                int[] l = new int[3 + sel.companions().size()];
                broadcast(sel.kind(), sel.slot());
                l[0] = store();
                out.species(Kind.INT, plan.lanes());
                out.op(ICONST_0);
                out.invokestatic(Kind.INT.vectorClass(), "broadcast", "(L" + Emitter.SPECIES + ";I)L" + Kind.INT.vectorClass() + ";");
                l[1] = store();
                out.species(sel.kind(), plan.lanes());
                out.op(ICONST_0);
                out.invokeinterface(Emitter.SPECIES, "maskAll", "(Z)L" + Emitter.MASK + ";");
                l[2] = store();
                for (int c = 0; c < sel.companions().size(); c++) {
                    Selection.Companion comp = sel.companions().get(c);
                    broadcast(comp.kind(), comp.slot());
                    l[3 + c] = store();
                }
                locals[s][u] = l;
            }
        }
    }

    private void broadcast(Kind kind, int slot) {
        out.species(kind, plan.lanes());
        out.load(Emitter.loadOpcode(kind), slot);
        String v = kind.vectorClass();
        out.invokestatic(v, "broadcast", "(L" + Emitter.SPECIES + ";" + kind.descriptor() + ")L" + v + ";");
    }

    private int store() {
        int slot = out.local(1);
        out.load(ASTORE, slot);
        return slot;
    }

    /** In a chunk, for accumulator {@code u}: the lanes whose candidate beats their best take it. */
    void update(int u) {
        List<Selection> selections = plan.selections();
        for (int s = 0; s < selections.size(); s++) {
            Selection sel = selections.get(s);
            int[] l = locals[s][u];
            String v = sel.kind().vectorClass();
            vectors.push(sel.term());
            int x = store();
            out.load(ALOAD, x);
            out.operator(sel.cond().name(), "Comparison");
            out.load(ALOAD, l[0]);
            out.invokevirtual(v, "compare", "(L" + Emitter.OPERATORS + "$Comparison;L" + Emitter.VECTOR + ";)L" + Emitter.MASK + ";");
            if (!(sel.guard() instanceof Expr.True)) {
                vectors.pushMask(sel.guard(), sel.kind());
                out.invokevirtual(Emitter.MASK, "and", "(L" + Emitter.MASK + ";)L" + Emitter.MASK + ";");
            }
            int m = store();
            out.load(ALOAD, l[0]);
            out.load(ALOAD, x);
            out.load(ALOAD, m);
            blend(sel.kind(), sel.kind());
            out.load(ASTORE, l[0]);
            out.load(ALOAD, l[2]);
            out.load(ALOAD, m);
            out.invokevirtual(Emitter.MASK, "or", "(L" + Emitter.MASK + ";)L" + Emitter.MASK + ";");
            out.load(ASTORE, l[2]);
            out.load(ALOAD, l[1]);
            vectors.push(new Expr.Iv(plan.ir().ivName()));
            out.load(ALOAD, m);
            blend(Kind.INT, sel.kind());
            out.load(ASTORE, l[1]);
            for (int c = 0; c < sel.companions().size(); c++) {
                Selection.Companion comp = sel.companions().get(c);
                out.load(ALOAD, l[3 + c]);
                vectors.push(comp.value());
                out.load(ALOAD, m);
                blend(comp.kind(), sel.kind());
                out.load(ASTORE, l[3 + c]);
            }
        }
    }

    /** Stack: vector, vector, mask computed on {@code on} lanes; leaves the blend. */
    private void blend(Kind kind, Kind on) {
        if (kind != on) {
            out.species(kind, plan.lanes());
            out.invokevirtual(Emitter.MASK, "cast", "(L" + Emitter.SPECIES + ";)L" + Emitter.MASK + ";");
        }
        String v = kind.vectorClass();
        out.invokevirtual(v, "blend", "(L" + Emitter.VECTOR + ";L" + Emitter.MASK + ";)L" + v + ";");
    }

    /**
     * After the loop, without a branch that depends on the data but one: the accumulators merge
     * lane by lane, then the lanes into the local. A set lane's value beats the local's value on
     * entry (or, for {@code >=} and {@code <=}, equals it), so the local changes exactly when some
     * lane is set, to the best of the set lanes; among equal ones (and {@code -0.0} equals
     * {@code 0.0}) the one from the earliest iteration wins under {@code >} and {@code <}, the
     * latest under {@code >=} and {@code <=}: the value the loop keeps. NaN never sets a lane.
     */
    void fold() {
        List<Selection> selections = plan.selections();
        for (int s = 0; s < selections.size(); s++) {
            Selection sel = selections.get(s);
            int[] first = locals[s][0];
            for (int u = 1; u < plan.unroll(); u++) {
                merge(sel, first, locals[s][u]);
            }
            Kind k = sel.kind();
            LabelNode none = new LabelNode();
            out.load(ALOAD, first[2]);
            out.invokevirtual(Emitter.MASK, "anyTrue", "()Z");
            out.jump(IFEQ, none);
            // the best value of the set lanes, then the set lanes that hold it (numerically)
            out.load(ALOAD, first[0]);
            out.load(ALOAD, first[0]);
            out.operator(sel.max() ? "MAX" : "MIN", "Associative");
            out.load(ALOAD, first[2]);
            reduce(k);
            int best = out.local(Emitter.size(k));
            out.load(Emitter.storeOpcode(k), best);
            out.operator("EQ", "Comparison");
            out.load(Emitter.loadOpcode(k), best);
            out.invokevirtual(k.vectorClass(), "compare", "(L" + Emitter.OPERATORS + "$Comparison;" + k.descriptor() + ")L" + Emitter.MASK + ";");
            out.load(ALOAD, first[2]);
            and();
            castTo(Kind.INT, k);
            int equal = store();
            // of those, the iteration that wins, and its lane
            out.load(ALOAD, first[1]);
            out.operator(lowestWins(sel) ? "MIN" : "MAX", "Associative");
            out.load(ALOAD, equal);
            reduce(Kind.INT);
            int iteration = out.local(1);
            out.load(ISTORE, iteration);
            out.load(ALOAD, first[1]);
            out.operator("EQ", "Comparison");
            out.load(ILOAD, iteration);
            out.invokevirtual(Kind.INT.vectorClass(), "compare", "(L" + Emitter.OPERATORS + "$Comparison;I)L" + Emitter.MASK + ";");
            out.load(ALOAD, equal);
            and();
            int lane = store();
            // one lane: its value and the companions' there, each the only lane of a masked reduction
            lane(k, first[0], lane, Kind.INT);
            out.load(Emitter.storeOpcode(k), sel.slot());
            for (int c = 0; c < sel.companions().size(); c++) {
                Selection.Companion comp = sel.companions().get(c);
                lane(comp.kind(), first[3 + c], lane, Kind.INT);
                out.load(Emitter.storeOpcode(comp.kind()), comp.slot());
            }
            out.label(none);
        }
    }

    /**
     * @return whether the lowest index wins ties: the earliest iteration ({@code >}, {@code <})
     *     counting up, the latest ({@code >=}, {@code <=}) counting down
     */
    private boolean lowestWins(Selection sel) {
        return sel.strict() == plan.ir().step() > 0;
    }

    /**
     * Lane by lane, {@code into} takes {@code from}'s lane where that is set and beats it, as the
     * loop would have: {@code into}'s lane unset, a better value, or an equal one from the
     * iteration that wins ties.
     */
    private void merge(Selection sel, int[] into, int[] from) {
        Kind k = sel.kind();
        String v = k.vectorClass();
        String compare = "(L" + Emitter.OPERATORS + "$Comparison;L" + Emitter.VECTOR + ";)L" + Emitter.MASK + ";";
        out.load(ALOAD, into[2]);
        out.invokevirtual(Emitter.MASK, "not", "()L" + Emitter.MASK + ";");
        out.load(ALOAD, from[0]);
        out.operator(sel.max() ? "GT" : "LT", "Comparison");
        out.load(ALOAD, into[0]);
        out.invokevirtual(v, "compare", compare);
        or();
        out.load(ALOAD, from[0]);
        out.operator("EQ", "Comparison");
        out.load(ALOAD, into[0]);
        out.invokevirtual(v, "compare", compare);
        out.load(ALOAD, from[1]);
        out.operator(lowestWins(sel) ? "LT" : "GT", "Comparison");
        out.load(ALOAD, into[1]);
        out.invokevirtual(Kind.INT.vectorClass(), "compare", compare);
        castTo(k, Kind.INT);
        and();
        or();
        out.load(ALOAD, from[2]);
        and();
        int take = store();
        out.load(ALOAD, into[0]);
        out.load(ALOAD, from[0]);
        out.load(ALOAD, take);
        blend(k, k);
        out.load(ASTORE, into[0]);
        out.load(ALOAD, into[1]);
        out.load(ALOAD, from[1]);
        out.load(ALOAD, take);
        blend(Kind.INT, k);
        out.load(ASTORE, into[1]);
        out.load(ALOAD, into[2]);
        out.load(ALOAD, from[2]);
        or();
        out.load(ASTORE, into[2]);
        for (int c = 0; c < sel.companions().size(); c++) {
            Selection.Companion comp = sel.companions().get(c);
            out.load(ALOAD, into[3 + c]);
            out.load(ALOAD, from[3 + c]);
            out.load(ALOAD, take);
            blend(comp.kind(), k);
            out.load(ASTORE, into[3 + c]);
        }
    }

    /** Pushes the one lane of {@code vector} that the mask in {@code lane} (on {@code on} lanes) sets. */
    private void lane(Kind kind, int vector, int lane, Kind on) {
        out.load(ALOAD, vector);
        out.operator("MAX", "Associative");
        out.load(ALOAD, lane);
        castTo(kind, on);
        reduce(kind);
    }

    /** Stack: vector, operator, mask: the masked reduction's scalar. */
    private void reduce(Kind kind) {
        out.invokevirtual(kind.vectorClass(), "reduceLanes", "(L" + Emitter.OPERATORS + "$Associative;L" + Emitter.MASK + ";)" + kind.descriptor());
    }

    /** Stack: a mask on {@code on} lanes; leaves it on {@code kind} lanes. */
    private void castTo(Kind kind, Kind on) {
        if (kind != on) {
            out.species(kind, plan.lanes());
            out.invokevirtual(Emitter.MASK, "cast", "(L" + Emitter.SPECIES + ";)L" + Emitter.MASK + ";");
        }
    }

    private void and() {
        out.invokevirtual(Emitter.MASK, "and", "(L" + Emitter.MASK + ";)L" + Emitter.MASK + ";");
    }

    private void or() {
        out.invokevirtual(Emitter.MASK, "or", "(L" + Emitter.MASK + ";)L" + Emitter.MASK + ";");
    }
}
