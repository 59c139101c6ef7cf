package dev.hotloop.agent.parallel;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Keeps a parallel loop off the pool while its class is being initialized. A static initializer
 * that calls the loop's method would wait for the workers, and the workers, to run a chunk (a
 * method of the class), wait for the initialization to end: a deadlock. The class gets a private
 * static flag that its static initializer sets as its last action; the dispatch reads it (one
 * field read) and, while it is false, runs the original loop and says so once.
 *
 * <p>A class without a static initializer needs no flag: none of its code runs during its own
 * initialization. An interface cannot hold the flag (its fields are constants); it gets none.
 * No initializer is added: that would change the default {@code serialVersionUID}.
 */
final class InitGuard {

    /** The flag's name; a private static synthetic boolean, true once the class is initialized. */
    static final String FLAG = "hotloop$initialized";

    private InitGuard() {
    }

    /**
     * @param cls    the class, given the flag on first use
     * @param header the loop's header; the check goes before it (and so before the dispatch
     *               inserted there after it)
     * @param method the method holding the loop
     * @param site   {@code Class.method}, for the notice
     */
    static void insert(ClassNode cls, MethodNode method, LabelNode header, String site) {
        MethodNode clinit = staticInitializer(cls);
        if (clinit == null || (cls.access & Opcodes.ACC_INTERFACE) != 0) {
            return;
        }
        addFlag(cls, clinit);
        LabelNode dispatch = new LabelNode();
        InsnList check = new InsnList();
        check.add(new FieldInsnNode(Opcodes.GETSTATIC, cls.name, FLAG, "Z"));
        check.add(new JumpInsnNode(Opcodes.IFNE, dispatch));
        check.add(new LdcInsnNode(site));
        check.add(new LdcInsnNode(cls.name.replace('/', '.')));
        check.add(new MethodInsnNode(Opcodes.INVOKESTATIC, LoopDispatch.RUNTIME, "sequentialDuringInit",
                "(Ljava/lang/String;Ljava/lang/String;)V", false));
        check.add(new JumpInsnNode(Opcodes.GOTO, header));
        check.add(dispatch);
        method.instructions.insertBefore(header, check);
        method.maxStack = Math.max(method.maxStack, 2);
    }

    private static MethodNode staticInitializer(ClassNode cls) {
        for (MethodNode m : cls.methods) {
            if (m.name.equals("<clinit>")) {
                return m;
            }
        }
        return null;
    }

    private static void addFlag(ClassNode cls, MethodNode clinit) {
        for (FieldNode f : cls.fields) {
            if (f.name.equals(FLAG)) {
                return;
            }
        }
        cls.fields.add(new FieldNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, FLAG, "Z", null, null));
        for (AbstractInsnNode n : clinit.instructions.toArray()) {
            if (n.getOpcode() == Opcodes.RETURN) {
                InsnList set = new InsnList();
                set.add(new InsnNode(Opcodes.ICONST_1));
                set.add(new FieldInsnNode(Opcodes.PUTSTATIC, cls.name, FLAG, "Z"));
                clinit.instructions.insertBefore(n, set);
            }
        }
        clinit.maxStack = Math.max(clinit.maxStack, 1);
    }
}
