package dev.hotloop.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Strict mode: makes a method whose annotated loop was not rewritten throw
 * {@code HotloopStrictError} on entry, with the agent's diagnostic as message. The original code
 * stays in place after the call, so the bytecode keeps its shape and verifies as before.
 */
public final class StrictFailureInjector {

    private StrictFailureInjector() {
    }

    /**
     * @param m          a method with code
     * @param diagnostic the message the method's callers will see
     */
    public static void inject(MethodNode m, String diagnostic) {
        InsnList l = new InsnList();
        l.add(new LdcInsnNode(diagnostic));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "dev/hotloop/runtime/Strict", "fail", "(Ljava/lang/String;)V", false));
        m.instructions.insert(l);
        m.maxStack = Math.max(m.maxStack, 1);
    }
}
