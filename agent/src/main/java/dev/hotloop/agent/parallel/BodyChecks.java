package dev.hotloop.agent.parallel;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * What a loop body must not do to run on several threads: hold or take locks (a helper that waits
 * for a lock the caller holds would deadlock), write a field every iteration shares, leave the
 * loop by a throw its own method catches, or sit in a try block that only partly covers it.
 */
final class BodyChecks {

    private BodyChecks() {
    }

    /**
     * @param m     the method
     * @param sources which instructions produce each stack value
     * @param shape the loop
     * @throws Refusal naming the first problem found
     */
    static void check(MethodNode m, Frame<SourceValue>[] sources, LoopShape shape) throws Refusal {
        InsnList insns = m.instructions;
        int start = insns.indexOf(shape.header);
        int end = insns.indexOf(shape.backEdge);
        if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0 || locked(insns, start, end)) {
            throw new Refusal(RefusalCode.SYNCHRONIZED, "the loop runs while a lock is held (synchronized); helper threads that take the same "
                    + "lock would wait for the caller forever: move the loop out of the synchronized code");
        }
        boolean throwsInside = false;
        for (AbstractInsnNode n = shape.header; n != shape.backEdge; n = n.getNext()) {
            int op = n.getOpcode();
            if (op == Opcodes.MONITORENTER) {
                throw new Refusal(RefusalCode.SYNCHRONIZED, "the loop synchronizes on an object; iterations would contend for the lock in an "
                        + "order that depends on timing: use a reduction, or write each iteration's result to its own element");
            }
            if (op == Opcodes.JSR) {
                throw new Refusal(RefusalCode.CLASS_VERSION, "the loop uses jsr/ret subroutines (class files before Java 6), which cannot be outlined");
            }
            if (op == Opcodes.PUTSTATIC || op == Opcodes.PUTFIELD && storesToThis(m, sources, n)) {
                FieldInsnNode f = (FieldInsnNode) n;
                throw new Refusal(RefusalCode.FIELD_STORE, "the loop writes field " + f.name + " (shared by every iteration, a data race); "
                        + "accumulate into a local (a reduction such as s += x) and assign the field after the loop");
            }
            throwsInside |= op == Opcodes.ATHROW;
        }
        for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
            int s = insns.indexOf(tcb.start);
            int e = insns.indexOf(tcb.end);
            int h = insns.indexOf(tcb.handler);
            boolean inside = s >= start && e <= end && h >= start && h <= end;
            boolean around = s < start && e > end;
            if (around && throwsInside && (h < start || h > end)) {
                throw new Refusal(RefusalCode.EXCEPTION_FLOW, "the loop throws an exception that its method catches around it (a throw used to "
                        + "leave the loop); in parallel the iterations after it would run anyway: keep it sequential");
            }
            if (!inside && !around && s <= end && e > start) {
                throw new Refusal(RefusalCode.EXCEPTION_FLOW, "loop shape not recognised (a try block covers part of the loop); "
                        + "put the try block inside the loop body or around the whole loop");
            }
        }
    }

    /** A field write whose object is {@code this}, the instance every iteration shares. */
    private static boolean storesToThis(MethodNode m, Frame<SourceValue>[] sources, AbstractInsnNode putfield) {
        if ((m.access & Opcodes.ACC_STATIC) != 0) {
            return false;
        }
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof VarInsnNode v && v.var == 0 && v.getOpcode() == Opcodes.ASTORE) {
                return true; // slot 0 reassigned: assume the worst
            }
        }
        Frame<SourceValue> f = sources[m.instructions.indexOf(putfield)];
        return loadsThis(m, sources, f.getStack(f.getStackSize() - 2));
    }

    private static boolean loadsThis(MethodNode m, Frame<SourceValue>[] sources, SourceValue value) {
        for (AbstractInsnNode src : value.insns) {
            if (src instanceof VarInsnNode v && v.var == 0 && v.getOpcode() == Opcodes.ALOAD) {
                return true;
            }
            if (src.getOpcode() == Opcodes.DUP) { // this.f += x compiles to aload_0, dup, getfield, ..., putfield
                Frame<SourceValue> f = sources[m.instructions.indexOf(src)];
                if (loadsThis(m, sources, f.getStack(f.getStackSize() - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean locked(InsnList insns, int start, int end) {
        boolean enterBefore = false;
        for (int i = 0; i < start; i++) {
            enterBefore |= insns.get(i).getOpcode() == Opcodes.MONITORENTER;
        }
        for (int i = end + 1; enterBefore && i < insns.size(); i++) {
            if (insns.get(i).getOpcode() == Opcodes.MONITOREXIT) {
                return true;
            }
        }
        return false;
    }
}
