package dev.hotloop.agent.instrument;

import dev.hotloop.runtime.MethodStats;
import dev.hotloop.runtime.Timings;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Counts and times a method through {@code dev.hotloop.runtime.Timings}, as its {@code enter(id)}
 * does, inline: on its owner thread (the first to call it) the method adds one to its counter
 * ({@code Timings.calls[id * STRIDE]}) and, on its first call and every {@code SAMPLE_EVERY}th
 * after, calls {@code Timings.start(call, id)} for a token, kept in a new local (0 otherwise); on
 * any other thread it calls {@code Timings.enterShared(id)}. Before every return, a call that holds
 * a token calls {@code Timings.exit(token, id)}. The method gains no member, so retransformation allows it. A
 * call that is not timed costs the counter and one test at its return: no call (see
 * {@code Timings} for what a call on every entry cost).
 *
 * <p>A call that throws is counted, not timed: there is no handler. A catch-all handler around the
 * body, which timed such calls before, cost the run-length benchmark's six kernels 7 ms over
 * 2,000 calls each (C2 compiles a loop inside a handler's range less well), against nothing for
 * the rare call that throws.
 */
public final class TimingInjector {

    static final String TIMINGS = "dev/hotloop/runtime/Timings";

    private TimingInjector() {
    }

    /**
     * @param m  a method with code; its {@code maxLocals} must be correct
     * @param id the id from {@code Timings.register}
     */
    public static void inject(MethodNode m, int id) {
        int token = m.maxLocals;
        m.maxLocals += 2;
        m.maxStack = Math.max(m.maxStack, 4) + 6;
        InsnList body = m.instructions;
        for (AbstractInsnNode insn = body.getFirst(); insn != null; insn = insn.getNext()) {
            int op = insn.getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                body.insertBefore(insn, exitCall(token, id));
            }
        }
        body.insert(count(token, id));
    }

    /**
     * {@code long token; if (Thread.currentThread() == Timings.owners[id]) { long call =
     * ++Timings.calls[id * STRIDE]; token = (call - 1) % SAMPLE_EVERY == 0 ? Timings.start(call, id)
     * : 0; } else { token = Timings.enterShared(id); }}
     */
    private static InsnList count(int token, int id) {
        LabelNode shared = new LabelNode();
        LabelNode offered = new LabelNode();
        LabelNode store = new LabelNode();
        InsnList l = new InsnList();
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Thread", "currentThread", "()Ljava/lang/Thread;", false));
        l.add(new FieldInsnNode(Opcodes.GETSTATIC, TIMINGS, "owners", "[Ljava/lang/Thread;"));
        l.add(new LdcInsnNode(id));
        l.add(new InsnNode(Opcodes.AALOAD));
        l.add(new JumpInsnNode(Opcodes.IF_ACMPNE, shared));
        l.add(new FieldInsnNode(Opcodes.GETSTATIC, TIMINGS, "calls", "[J"));
        l.add(new LdcInsnNode(id));
        l.add(new LdcInsnNode(Timings.STRIDE));
        l.add(new InsnNode(Opcodes.IMUL));
        l.add(new InsnNode(Opcodes.DUP2));
        l.add(new InsnNode(Opcodes.LALOAD));
        l.add(new InsnNode(Opcodes.LCONST_1));
        l.add(new InsnNode(Opcodes.LADD));
        l.add(new InsnNode(Opcodes.DUP2_X2));
        l.add(new InsnNode(Opcodes.LASTORE));
        l.add(new InsnNode(Opcodes.DUP2));
        l.add(new InsnNode(Opcodes.LCONST_1));
        l.add(new InsnNode(Opcodes.LSUB));
        l.add(new LdcInsnNode((long) (Timings.SAMPLE_EVERY - 1)));
        l.add(new InsnNode(Opcodes.LAND));
        l.add(new InsnNode(Opcodes.LCONST_0));
        l.add(new InsnNode(Opcodes.LCMP));
        l.add(new JumpInsnNode(Opcodes.IFEQ, offered));
        l.add(new InsnNode(Opcodes.POP2));
        l.add(new LdcInsnNode(MethodStats.NOT_TIMED));
        l.add(new JumpInsnNode(Opcodes.GOTO, store));
        l.add(offered);
        l.add(new LdcInsnNode(id));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, TIMINGS, "start", "(JI)J", false));
        l.add(new JumpInsnNode(Opcodes.GOTO, store));
        l.add(shared);
        l.add(new LdcInsnNode(id));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, TIMINGS, "enterShared", "(I)J", false));
        l.add(store);
        l.add(new VarInsnNode(Opcodes.LSTORE, token));
        return l;
    }

    /** {@code if (token != 0) Timings.exit(token, id);} */
    private static InsnList exitCall(int token, int id) {
        LabelNode untimed = new LabelNode();
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.LLOAD, token));
        l.add(new InsnNode(Opcodes.LCONST_0));
        l.add(new InsnNode(Opcodes.LCMP));
        l.add(new JumpInsnNode(Opcodes.IFEQ, untimed));
        l.add(new VarInsnNode(Opcodes.LLOAD, token));
        l.add(new LdcInsnNode(id));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, TIMINGS, "exit",
                Type.getMethodDescriptor(Type.VOID_TYPE, Type.LONG_TYPE, Type.INT_TYPE), false));
        l.add(untimed);
        return l;
    }
}
