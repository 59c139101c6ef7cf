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
     * After the loop: every set lane of every accumulator is offered to the local, as the loop
     * offers values: a better value wins; an equal one wins when it comes from an earlier
     * iteration than the one that set the local (first of equals wins) or a later one (last wins),
     * and, for {@code >=} and {@code <=}, over the local's value on entry.
     */
    void fold() {
        List<Selection> selections = plan.selections();
        for (int s = 0; s < selections.size(); s++) {
            Selection sel = selections.get(s);
            Kind k = sel.kind();
            int has = out.local(1);
            int at = out.local(1);
            int j = out.local(1);
            int value = out.local(Emitter.size(k));
            int iteration = out.local(1);
            out.op(ICONST_0);
            out.load(ISTORE, has);
            out.op(ICONST_0);
            out.load(ISTORE, at);
            for (int u = 0; u < plan.unroll(); u++) {
                int[] l = locals[s][u];
                LabelNode top = new LabelNode();
                LabelNode next = new LabelNode();
                LabelNode take = new LabelNode();
                LabelNode done = new LabelNode();
                out.op(ICONST_0);
                out.load(ISTORE, j);
                out.label(top);
                out.load(ILOAD, j);
                out.ldc(plan.lanes());
                out.jump(IF_ICMPGE, done);
                out.load(ALOAD, l[2]);
                out.load(ILOAD, j);
                out.invokevirtual(Emitter.MASK, "laneIsSet", "(I)Z");
                out.jump(IFEQ, next);
                lane(k, l[0], j);
                out.load(Emitter.storeOpcode(k), value);
                lane(Kind.INT, l[1], j);
                out.load(ISTORE, iteration);
                // a better value wins
                out.load(Emitter.loadOpcode(k), value);
                out.load(Emitter.loadOpcode(k), sel.slot());
                jumpIf(k, sel.max() ? Expr.Cond.GT : Expr.Cond.LT, take);
                // an equal one by its iteration
                out.load(Emitter.loadOpcode(k), value);
                out.load(Emitter.loadOpcode(k), sel.slot());
                jumpIf(k, Expr.Cond.NE, next);
                out.load(ILOAD, has);
                out.jump(IFEQ, sel.strict() ? next : take);
                out.load(ILOAD, iteration);
                out.load(ILOAD, at);
                boolean later = !sel.strict() ^ plan.ir().step() < 0;
                out.jump(later ? IF_ICMPGT : IF_ICMPLT, take);
                out.jump(GOTO, next);
                out.label(take);
                out.load(Emitter.loadOpcode(k), value);
                out.load(Emitter.storeOpcode(k), sel.slot());
                out.load(ILOAD, iteration);
                out.load(ISTORE, at);
                out.op(ICONST_1);
                out.load(ISTORE, has);
                for (int c = 0; c < sel.companions().size(); c++) {
                    Selection.Companion comp = sel.companions().get(c);
                    lane(comp.kind(), l[3 + c], j);
                    out.load(Emitter.storeOpcode(comp.kind()), comp.slot());
                }
                out.label(next);
                out.iinc(j, 1);
                out.jump(GOTO, top);
                out.label(done);
            }
        }
    }

    /** Pushes lane {@code j} of the vector in {@code vector}. */
    private void lane(Kind kind, int vector, int j) {
        out.load(ALOAD, vector);
        out.load(ILOAD, j);
        out.invokevirtual(kind.vectorClass(), "lane", "(I)" + kind.descriptor());
    }

    /** Stack: two values of {@code kind}; jumps when the first compares with the second as {@code cond} (false on NaN). */
    private void jumpIf(Kind kind, Expr.Cond cond, LabelNode to) {
        if (kind == Kind.INT) {
            out.jump(IF_ICMPEQ + cond.ordinal(), to);
            return;
        }
        // fcmpl gives -1 on NaN, fcmpg 1: pick the one under which NaN fails the test (NE: NaN holds, and means "not equal")
        boolean lessOnNaN = cond == Expr.Cond.GT || cond == Expr.Cond.GE || cond == Expr.Cond.NE || cond == Expr.Cond.EQ;
        out.op(kind == Kind.LONG ? LCMP : kind == Kind.FLOAT ? (lessOnNaN ? FCMPL : FCMPG) : lessOnNaN ? DCMPL : DCMPG);
        out.jump(IFEQ + cond.ordinal(), to);
    }
}
