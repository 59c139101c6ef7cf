package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.LoopRewrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * Inserts the SIMD version of a loop on the loop's entry edge, ahead of the original, which stays
 * as it was and finishes the iterations:
 *
 * <pre>
 *   guards (nulls, bounds over the whole vector range, aliasing) -- any failure: go to the original
 *   main loop: {@code unroll} vectors per step, then single vectors, each chunk computing every
 *   value before it stores anything; reductions in vector accumulators
 *   reductions folded into their locals
 *   original loop, from where the vector loop stopped: at least its last iteration, and all of
 *   them when a guard failed, so exceptions, partial writes and final local values are its own
 * </pre>
 */
final class VectorRewrite implements LoopRewrite, Opcodes {

    private final VectorPlan plan;
    private final Set<AbstractInsnNode> loop;

    /**
     * @param plan the vectorizable loop
     * @param loop the loop's instructions (identity set), to tell entry jumps from back edges
     */
    VectorRewrite(VectorPlan plan, Set<AbstractInsnNode> loop) {
        this.plan = plan;
        this.loop = loop;
    }

    @Override
    public void apply(ClassNode cls, MethodNode method) {
        LoopIR ir = plan.ir();
        LabelNode header = ir.header();
        LabelNode entry = new LabelNode();
        LabelNode original = new LabelNode();
        Emitter out = new Emitter(method);
        Invariance invariance = new Invariance(ir.finals().keySet(), ir.stores());
        ScalarEmitter scalars = new ScalarEmitter(out, original);
        VectorEmitter vectors = new VectorEmitter(out, scalars, invariance, plan.lanes());
        out.label(entry);
        Guards guards = new Guards(out, scalars, plan, original);
        guards.emit();
        List<Expr> values = new ArrayList<>();
        for (Store s : plan.stores()) {
            values.add(s.value());
            values.add(s.mask());
        }
        for (Reduction r : plan.reductions()) {
            values.add(r.term());
        }
        for (Expr v : values) {
            vectors.count(v);
            vectors.hoist(v);
        }
        new VectorLoop(out, vectors, plan, guards).emit();
        out.label(original);
        retarget(method, header, entry);
        AbstractInsnNode before = previousReal(header);
        if (before != null && loop.contains(before) && fallsThrough(before)) {
            out.code.insert(new JumpInsnNode(GOTO, header)); // a latch laid out just above the header
        }
        method.instructions.insertBefore(header, out.code);
        method.maxStack = Math.max(method.maxStack, 8) + 4 + 3 * depth(values);
    }

    /** Entry jumps go to the SIMD code; jumps from inside the loop still reach the header. */
    private void retarget(MethodNode method, LabelNode header, LabelNode entry) {
        List<LabelNode> same = new ArrayList<>();
        for (AbstractInsnNode n = header; n != null && n.getOpcode() < 0; n = n.getPrevious()) {
            if (n instanceof LabelNode l) {
                same.add(l);
            }
        }
        for (AbstractInsnNode n : method.instructions) {
            boolean inside = loop.contains(n);
            if (n instanceof JumpInsnNode j && same.contains(j.label)) {
                j.label = inside ? header : entry;
            } else if (n instanceof TableSwitchInsnNode t) {
                t.dflt = target(t.dflt, same, inside, header, entry);
                t.labels.replaceAll(l -> target(l, same, inside, header, entry));
            } else if (n instanceof LookupSwitchInsnNode t) {
                t.dflt = target(t.dflt, same, inside, header, entry);
                t.labels.replaceAll(l -> target(l, same, inside, header, entry));
            }
        }
    }

    private static LabelNode target(LabelNode l, List<LabelNode> same, boolean inside, LabelNode header, LabelNode entry) {
        return same.contains(l) ? inside ? header : entry : l;
    }

    private static AbstractInsnNode previousReal(AbstractInsnNode n) {
        AbstractInsnNode p = n.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private static boolean fallsThrough(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op != GOTO && op != ATHROW && !(op >= IRETURN && op <= RETURN) && op != TABLESWITCH && op != LOOKUPSWITCH;
    }

    private static int depth(List<Expr> values) {
        int d = 0;
        for (Expr v : values) {
            d = Math.max(d, depth(v));
        }
        return d;
    }

    private static int depth(Expr e) {
        int d = 0;
        for (Expr c : Walk.children(e)) {
            d = Math.max(d, depth(c));
        }
        return d + 1;
    }
}
