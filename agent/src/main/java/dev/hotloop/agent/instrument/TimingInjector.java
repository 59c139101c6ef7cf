package dev.hotloop.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Wraps a method body in calls to {@code dev.hotloop.runtime.Timings}: {@code enter(id)} first,
 * its token kept in a new local, and {@code exit(token, id)} before every return and in a
 * catch-all handler that rethrows. The method gains no member, so retransformation allows it.
 *
 * <p>A constructor gets no handler: one that covered the code before the {@code super(...)} call,
 * where {@code this} is uninitialised, and the code after it could have no valid stack-map frame,
 * and the JVM would reject the class. A constructor that throws is counted but not timed.
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
        m.maxStack = Math.max(m.maxStack, 3) + 3;
        InsnList body = m.instructions;
        for (AbstractInsnNode insn = body.getFirst(); insn != null; insn = insn.getNext()) {
            int op = insn.getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                body.insertBefore(insn, exitCall(token, id));
            }
        }
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        InsnList prologue = new InsnList();
        prologue.add(new LdcInsnNode(id));
        prologue.add(new MethodInsnNode(Opcodes.INVOKESTATIC, TIMINGS, "enter", "(I)J", false));
        prologue.add(new VarInsnNode(Opcodes.LSTORE, token));
        prologue.add(start);
        body.insert(prologue);
        if (m.name.equals("<init>")) {
            return;
        }
        InsnList epilogue = new InsnList();
        epilogue.add(end);
        epilogue.add(handler);
        epilogue.add(exitCall(token, id));
        epilogue.add(new InsnNode(Opcodes.ATHROW));
        body.add(epilogue);
        // Last in the table, so that every handler of the method itself is tried first.
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    }

    private static InsnList exitCall(int token, int id) {
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.LLOAD, token));
        l.add(new LdcInsnNode(id));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, TIMINGS, "exit",
                Type.getMethodDescriptor(Type.VOID_TYPE, Type.LONG_TYPE, Type.INT_TYPE), false));
        return l;
    }
}
