package dev.hotloop.agent.vector;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Builds a private static method from code generated in a caller's slot space: the parameters
 * ({@link LoopSignature}) are copied into the caller's slots, shifted above the parameters; the
 * code runs; every jump out of it, and its end, returns the results.
 */
final class OutlinedMethod implements Opcodes {

    private OutlinedMethod() {
    }

    /**
     * @param name     the method's name
     * @param sig      its parameters and results
     * @param body     the code, in the caller's slot space; taken over
     * @param locals   the caller-space locals the code uses (its own temporaries included)
     * @param maxStack the code's operand stack depth
     * @return the method
     */
    static MethodNode build(String name, LoopSignature sig, InsnList body, int locals, int maxStack) {
        MethodNode m = new MethodNode(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, name, sig.descriptor(), null, null);
        int shift = sig.size();
        InsnList code = m.instructions;
        int p = 0;
        for (int i = 0; i < sig.slots().length; i++) {
            Type t = sig.types()[i];
            code.add(new VarInsnNode(t.getOpcode(ILOAD), p));
            code.add(new VarInsnNode(t.getOpcode(ISTORE), shift + sig.slots()[i]));
            p += t.getSize();
        }
        LabelNode exit = new LabelNode();
        Set<LabelNode> inside = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AbstractInsnNode n : body) {
            if (n instanceof LabelNode l) {
                inside.add(l);
            }
        }
        for (AbstractInsnNode n : body) {
            if (n instanceof VarInsnNode v) {
                v.var += shift;
            } else if (n instanceof IincInsnNode inc) {
                inc.var += shift;
            } else if (n instanceof JumpInsnNode j && !inside.contains(j.label)) {
                j.label = exit; // the fallback to the original loop: return what was done so far
            }
        }
        code.add(body);
        code.add(exit);
        results(code, sig, shift);
        m.maxLocals = shift + locals;
        m.maxStack = maxStack + 6;
        return m;
    }

    private static void results(InsnList code, LoopSignature sig, int shift) {
        if (sig.outputs() == 1) {
            code.add(new VarInsnNode(ILOAD, shift + sig.slots()[0]));
            code.add(new InsnNode(IRETURN));
            return;
        }
        code.add(new LdcInsnNode(sig.outputs()));
        code.add(new IntInsnNode(NEWARRAY, T_LONG));
        for (int i = 0; i < sig.outputs(); i++) {
            Type t = sig.types()[i];
            code.add(new InsnNode(DUP));
            code.add(new LdcInsnNode(i));
            code.add(new VarInsnNode(t.getOpcode(ILOAD), shift + sig.slots()[i]));
            switch (t.getSort()) {
                case Type.LONG: break;
                case Type.FLOAT:
                    code.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false));
                    code.add(new InsnNode(I2L));
                    break;
                case Type.DOUBLE:
                    code.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false));
                    break;
                case Type.INT: code.add(new InsnNode(I2L)); break;
                default: throw new IllegalStateException("a loop result of type " + t);
            }
            code.add(new InsnNode(LASTORE));
        }
        code.add(new InsnNode(ARETURN));
    }

    /** Stores the results of a call into the caller's locals (the inverse of the packing above). */
    static void unpack(Emitter out, LoopSignature sig) {
        if (sig.outputs() == 1) {
            out.load(ISTORE, sig.slots()[0]);
            return;
        }
        int bits = out.local(1);
        out.load(ASTORE, bits);
        for (int i = 0; i < sig.outputs(); i++) {
            Type t = sig.types()[i];
            out.load(ALOAD, bits);
            out.ldc(i);
            out.op(LALOAD);
            switch (t.getSort()) {
                case Type.LONG: break;
                case Type.FLOAT:
                    out.op(L2I);
                    out.invokestatic("java/lang/Float", "intBitsToFloat", "(I)F");
                    break;
                case Type.DOUBLE: out.invokestatic("java/lang/Double", "longBitsToDouble", "(J)D"); break;
                default: out.op(L2I); break;
            }
            out.load(t.getOpcode(ISTORE), sig.slots()[i]);
        }
    }
}
