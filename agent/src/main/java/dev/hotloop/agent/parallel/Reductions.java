package dev.hotloop.agent.parallel;

import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Recognises a reduction: every store to the local in the loop stores {@code local OP value},
 * where the operand is the local's own load and the value does not read it, with one operator
 * throughout ({@code +} and {@code -} count as one, the local on the left of a {@code -}); an
 * {@code iinc} counts as {@code +}. Every load of the local in the loop must be such an operand.
 */
final class Reductions {

    private Reductions() {
    }

    /**
     * @param analysis the method's analyses
     * @return which instructions produce each stack value, for {@link #find}
     * @throws Refusal when the method cannot be analysed
     */
    static Frame<SourceValue>[] sources(MethodAnalysis analysis) throws Refusal {
        try {
            return analysis.sources();
        } catch (AnalyzerException e) {
            throw new Refusal(RefusalCode.UNANALYSABLE, "the uses of the loop's locals could not be traced: " + e.getMessage());
        }
    }

    /**
     * @param m      the method
     * @param frames its {@link #sources}
     * @param shape  the loop
     * @param v      a local the loop writes
     * @param name   its name
     * @return the reduction, or null when the local is used any other way
     */
    static Reduction find(MethodNode m, Frame<SourceValue>[] frames, LoopShape shape, int v, String name) {
        InsnList insns = m.instructions;
        ReductionOp op = null;
        Type type = null;
        Set<AbstractInsnNode> loads = new HashSet<>();
        Set<AbstractInsnNode> operands = new HashSet<>();
        for (AbstractInsnNode n = shape.header; n != shape.backEdge; n = n.getNext()) {
            ReductionOp found;
            Type t;
            if (n instanceof IincInsnNode inc && inc.var == v) {
                found = ReductionOp.SUM;
                t = Type.INT_TYPE;
            } else if (n instanceof VarInsnNode x && x.var == v && x.getOpcode() >= Opcodes.ISTORE) {
                t = typeOf(x.getOpcode() - Opcodes.ISTORE);
                AbstractInsnNode combine = single(top(frames[insns.indexOf(n)], 0));
                found = combine == null ? null : ReductionOp.of(combine);
                AbstractInsnNode operand = found == null ? null : ownOperand(frames[insns.indexOf(combine)], combine, v);
                if (operand == null || t == null) {
                    return null;
                }
                operands.add(operand);
            } else {
                if (n instanceof VarInsnNode x && x.var == v) {
                    loads.add(n);
                }
                continue;
            }
            if (op != null && (op != found || !type.equals(t))) {
                return null;
            }
            op = found;
            type = t;
        }
        return op != null && operands.equals(loads) ? new Reduction(v, name, type, op) : null;
    }

    /** @return the load of {@code v} that is the combining instruction's own operand, or null */
    private static AbstractInsnNode ownOperand(Frame<SourceValue> before, AbstractInsnNode combine, int v) {
        AbstractInsnNode left = single(top(before, 1));
        AbstractInsnNode right = single(top(before, 0));
        boolean leftIsV = loads(left, v);
        boolean rightIsV = loads(right, v);
        if (leftIsV == rightIsV || ReductionOp.subtracts(combine) && !leftIsV) {
            return null;
        }
        return leftIsV ? left : right;
    }

    private static boolean loads(AbstractInsnNode insn, int v) {
        return insn instanceof VarInsnNode x && x.var == v && x.getOpcode() >= Opcodes.ILOAD && x.getOpcode() <= Opcodes.DLOAD;
    }

    private static SourceValue top(Frame<SourceValue> f, int depth) {
        return f == null || f.getStackSize() <= depth ? null : f.getStack(f.getStackSize() - 1 - depth);
    }

    private static AbstractInsnNode single(SourceValue value) {
        return value == null || value.insns.size() != 1 ? null : value.insns.iterator().next();
    }

    private static Type typeOf(int kind) {
        switch (kind) {
            case 0:
                return Type.INT_TYPE;
            case 1:
                return Type.LONG_TYPE;
            case 2:
                return Type.FLOAT_TYPE;
            case 3:
                return Type.DOUBLE_TYPE;
            default:
                return null;
        }
    }
}
