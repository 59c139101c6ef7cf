package dev.hotloop.agent.plan;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Maps an annotation on the variable of a for-each loop ({@code for (@Parallel double x : a)},
 * {@code for (@Parallel String w : words)}) to that loop. javac drives such a loop with a hidden
 * index (arrays) or an iterator (anything {@code Iterable}); the annotated variable is stored at
 * the top of each iteration from {@code a[i$]} or from {@code iterator.next()}, and its range
 * starts right after that store.
 */
final class ForEachVariable {

    private ForEachVariable() {
    }

    /**
     * @param method the annotated method
     * @param a      an annotation on a local variable
     * @param loops  the method's loops
     * @return the for-each loop whose element variable {@code a} marks, or null
     */
    static Loop loopOf(AnnotatedMethod method, HotloopAnnotation a, List<Loop> loops) {
        if (a.onMethod() || a.ranges().isEmpty()) {
            return null;
        }
        InsnList insns = method.method().instructions;
        for (LabelNode[] range : a.ranges()) {
            AbstractInsnNode store = previousReal(range[0]);
            if (!(store instanceof VarInsnNode v) || v.var != a.localIndex()
                    || v.getOpcode() < Opcodes.ISTORE || v.getOpcode() > Opcodes.ASTORE) {
                continue;
            }
            Loop loop = innermostAround(loops, insns.indexOf(store));
            if (loop != null && isElement(previousReal(store), loop)) {
                return loop;
            }
        }
        return null;
    }

    /** Whether {@code value}, the instruction that leaves the stored value, reads the loop's next element. */
    private static boolean isElement(AbstractInsnNode value, Loop loop) {
        AbstractInsnNode v = value;
        if (v instanceof MethodInsnNode unbox && unbox.getOpcode() == Opcodes.INVOKEVIRTUAL && unbox.desc.startsWith("()")
                && unbox.name.endsWith("Value")) {
            v = previousReal(v); // for (double x : List<Double>)
        }
        if (v instanceof TypeInsnNode cast && cast.getOpcode() == Opcodes.CHECKCAST) {
            v = previousReal(v);
        }
        if (v instanceof MethodInsnNode call) {
            return call.getOpcode() == Opcodes.INVOKEINTERFACE && call.owner.equals("java/util/Iterator")
                    && call.name.equals("next");
        }
        if (v != null && v.getOpcode() >= Opcodes.IALOAD && v.getOpcode() <= Opcodes.SALOAD) {
            AbstractInsnNode index = previousReal(v);
            return index instanceof VarInsnNode i && i.getOpcode() == Opcodes.ILOAD && i.var == loop.inductionVar();
        }
        return false;
    }

    private static Loop innermostAround(List<Loop> loops, int insn) {
        Loop best = null;
        for (Loop l : loops) {
            if (l.containsInsn(insn) && (best == null || l.depth() > best.depth())) {
                best = l;
            }
        }
        return best;
    }

    private static AbstractInsnNode previousReal(AbstractInsnNode insn) {
        AbstractInsnNode p = insn == null ? null : insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }
}
