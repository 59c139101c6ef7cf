package dev.hotloop.agent.parallel;

import dev.hotloop.agent.analysis.ControlFlowGraph;
import dev.hotloop.agent.analysis.ExactTypes;
import dev.hotloop.agent.analysis.LocalNames;
import dev.hotloop.agent.analysis.Liveness;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * What each local of the method is to the loop. A local the loop reads but never writes is
 * <em>captured</em>: its value goes to every chunk. A local the loop writes and that is live at
 * the loop's header (read before it is written in an iteration, or read after the loop) must be a
 * {@link Reduction}; anything else is refused, as Numba refuses it. Every other local the loop
 * writes is private to an iteration.
 *
 * @param captured   the captured locals, in slot order
 * @param reductions the reductions, in slot order
 */
record LoopLocals(List<Captured> captured, List<Reduction> reductions) {

    /**
     * A local whose value every chunk receives.
     *
     * @param slot its slot in the method
     * @param name its source name, or the name {@link dev.hotloop.agent.analysis.LocalNames} gives its slot
     * @param type its type; for a reference, the class the verifier sees at the loop's header
     */
    record Captured(int slot, String name, Type type) {
    }

    /**
     * @param analysis the method's analyses
     * @param sources which instructions produce each stack value ({@link Reductions#sources})
     * @param loop  the loop
     * @param shape its recognised shape
     * @return how the loop uses the method's locals
     * @throws Refusal when a local written in the loop carries a value out of an iteration and is no reduction
     */
    static LoopLocals of(MethodAnalysis analysis, Frame<SourceValue>[] sources, Loop loop, LoopShape shape)
            throws Refusal, AnalyzerException {
        ControlFlowGraph g = analysis.graph();
        MethodNode m = g.method();
        InsnList insns = m.instructions;
        BitSet read = new BitSet();
        BitSet written = new BitSet();
        for (AbstractInsnNode n = shape.header; n != shape.backEdge; n = n.getNext()) {
            if (n instanceof IincInsnNode inc) {
                read.set(inc.var);
                written.set(inc.var);
            } else if (n instanceof VarInsnNode v) {
                (v.getOpcode() >= Opcodes.ISTORE ? written : read).set(v.var);
            }
        }
        for (int skip : new int[] {shape.inductionVar, shape.iteratorVar}) {
            if (skip >= 0) {
                read.clear(skip);
                written.clear(skip);
            }
        }
        Liveness liveness = analysis.liveness();
        BitSet liveAtHeader = liveness.liveIn(loop.header());
        BitSet liveAtExit = liveness.liveIn(g.blockOf(insns.indexOf(shape.exit())));
        List<Reduction> reductions = new ArrayList<>();
        for (int v = written.nextSetBit(0); v >= 0; v = written.nextSetBit(v + 1)) {
            if (liveAtHeader.get(v)) {
                String name = analysis.localName(v, insns.indexOf(shape.header));
                Reduction r = Reductions.find(m, sources, shape, v, name);
                if (r == null) {
                    throw new Refusal(RefusalCode.CARRIED_LOCAL, liveAtExit.get(v)
                            ? "local " + name + " is written in the loop and read after it, and is not a reduction; "
                              + "update it only as " + name + " += x, *=, &=, |=, ^=, ++ or " + name + " = Math.min/max("
                              + name + ", x), or compute it after the loop"
                            : "local " + name + " carries a value from one iteration to the next; iterations must "
                              + "be independent: declare it inside the loop");
                }
                reductions.add(r);
            }
        }
        read.andNot(written);
        Frame<BasicValue> atHeader = typesAt(analysis, shape.header);
        List<Captured> captured = new ArrayList<>();
        for (int v = read.nextSetBit(0); v >= 0; v = read.nextSetBit(v + 1)) {
            String name = analysis.localName(v, insns.indexOf(shape.header));
            captured.add(new Captured(v, name, typeOf(analysis, sources, shape, v, atHeader, name)));
        }
        return new LoopLocals(List.copyOf(captured), List.copyOf(reductions));
    }

    /**
     * The captured value's parameter type: the class every path into the loop gives it, as the
     * verifier sees it there; where paths disagree, its declared type if every use in the loop
     * accepts that ({@link ReferenceUses}); otherwise a refusal, never a type the body's uses reject.
     */
    private static Type typeOf(MethodAnalysis analysis, Frame<SourceValue>[] sources, LoopShape shape, int v,
                               Frame<BasicValue> frame, String name) throws Refusal {
        AbstractInsnNode at = shape.header;
        BasicValue value = frame.getLocal(v);
        if (value == null || value == BasicValue.UNINITIALIZED_VALUE || value.getType() == null) {
            throw new Refusal(RefusalCode.CARRIED_LOCAL, "local " + name + " is read in the loop before it is assigned; assign it before the loop");
        }
        if (!value.isReference() || ExactTypes.isExactReference(value)) {
            return value.getType(); // the type the verifier sees at the header, so every use in the loop accepts it
        }
        MethodNode m = analysis.method();
        LocalVariableNode declared = analysis.declaration(v, m.instructions.indexOf(at));
        if (declared == null || declared.desc.length() == 1) {
            throw new Refusal(RefusalCode.LOCAL_TYPE, "local " + name + " holds objects of different classes (or only null) on the paths into "
                    + "the loop; compile with -g (local variable types) or give it one class before the loop");
        }
        Type type = Type.getType(declared.desc);
        if (!ReferenceUses.accept(m, sources, shape, v, type)) {
            throw new Refusal(RefusalCode.LOCAL_TYPE, "local " + name + " holds objects of different classes (or only null) on the paths into "
                    + "the loop, and the loop uses it other than as its declared " + type.getClassName()
                    + "; assign it one class before the loop, e.g. through a cast to the class the loop uses");
        }
        return type;
    }

    private static Frame<BasicValue> typesAt(MethodAnalysis analysis, AbstractInsnNode at) throws Refusal {
        try {
            return analysis.types()[analysis.method().instructions.indexOf(at)];
        } catch (AnalyzerException e) {
            throw new Refusal(RefusalCode.LOCAL_TYPE, "the types of the captured locals could not be worked out: " + e.getMessage());
        }
    }
}
