package dev.hotloop.agent.vector;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.LabelNode;

/**
 * The loop one scalar iteration at a time, as the plan describes it: the baseline the SIMD form is
 * measured against at run time, on the same inputs. It runs only on the warm-up thread, on copies;
 * its results are never used, so it need not reproduce the original's exceptions.
 */
final class ScalarTwin implements Opcodes {

    private ScalarTwin() {
    }

    /**
     * @param out     where the loop goes
     * @param scalars evaluates per-iteration values ({@link ScalarEmitter#forIterations})
     * @param plan    the loop
     * @param exit    where the loop leaves
     */
    static void emit(Emitter out, ScalarEmitter scalars, VectorPlan plan, LabelNode exit) {
        LoopIR ir = plan.ir();
        LabelNode top = new LabelNode();
        out.label(top);
        out.load(ILOAD, ir.iv());
        scalars.push(ir.bound());
        out.jump(IF_ICMPEQ + ir.cond().negate().ordinal(), exit);
        List<Expr> roots = new ArrayList<>();
        for (Store st : plan.stores()) {
            roots.add(st.mask());
            roots.add(st.index());
            roots.add(st.value());
        }
        for (Reduction r : plan.reductions()) {
            roots.add(r.term());
        }
        for (Flag f : ir.flags()) {
            roots.add(f.mask());
        }
        for (Selection s : plan.selections()) {
            roots.add(s.mask());
            roots.addAll(Selections.values(s, ir.ivName()));
        }
        roots.addAll(ir.exits());
        scalars.share(roots);
        for (Expr e : ir.exits()) { // a search loop: nothing else happens in an iteration
            scalars.push(e);
            out.jump(IFNE, exit);
        }
        for (Store st : plan.stores()) {
            LabelNode skip = null;
            if (!(st.mask() instanceof Expr.True)) {
                skip = new LabelNode();
                scalars.push(st.mask());
                out.jump(IFEQ, skip);
            }
            scalars.push(st.array());
            scalars.push(st.index());
            scalars.push(st.value());
            out.op(ScalarEmitter.arrayStore(st.element()));
            if (skip != null) {
                out.label(skip);
            }
        }
        for (Flag f : ir.flags()) {
            LabelNode skip = null;
            if (!(f.mask() instanceof Expr.True)) {
                skip = new LabelNode();
                scalars.push(f.mask());
                out.jump(IFEQ, skip);
            }
            scalars.push(f.array());
            out.ldc(f.index());
            out.op(ICONST_1);
            out.op(BASTORE);
            if (skip != null) {
                out.label(skip);
            }
        }
        for (Reduction r : plan.reductions()) {
            Kind k = r.kind().stack();
            out.load(Emitter.loadOpcode(k), r.slot());
            scalars.push(r.term());
            ScalarEmitter.combine(out, r.op(), r.subtract(), k);
            if (r.narrow() != null) {
                out.op(r.narrow() == Kind.BYTE ? I2B : I2S);
            }
            out.load(Emitter.storeOpcode(k), r.slot());
        }
        for (Selection s : plan.selections()) {
            LabelNode skip = new LabelNode();
            scalars.push(s.mask());
            out.jump(IFEQ, skip);
            scalars.push(s.term());
            out.load(Emitter.storeOpcode(s.kind()), s.slot());
            for (Selection.Companion c : s.companions()) {
                scalars.push(c.value());
                out.load(Emitter.storeOpcode(c.kind()), c.slot());
            }
            out.label(skip);
        }
        out.iinc(ir.iv(), ir.step());
        out.jump(GOTO, top);
    }
}
