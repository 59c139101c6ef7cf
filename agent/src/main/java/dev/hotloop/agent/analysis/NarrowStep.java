package dev.hotloop.agent.analysis;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The step of a {@code short}, {@code byte} or {@code char} counter as javac writes it, with no
 * {@code iinc}: {@code iload i; <constant c>; iadd (or isub); i2s (i2b, i2c); istore i}, which is
 * {@code i = (short) (i + c)}.
 *
 * @param step the constant added, negated for {@code isub}
 * @param type the descriptor of the type the sum is narrowed to: {@code 'S'}, {@code 'B'} or {@code 'C'}
 */
record NarrowStep(int step, char type) {

    /**
     * @param store an {@code istore} (any other store gives null)
     * @return the step it ends, or null when the instructions before it are not one
     */
    static NarrowStep at(VarInsnNode store) {
        if (store.getOpcode() != Opcodes.ISTORE) {
            return null;
        }
        AbstractInsnNode cast = previous(store);
        AbstractInsnNode add = previous(cast);
        AbstractInsnNode constant = previous(add);
        AbstractInsnNode load = previous(constant);
        if (cast == null || add == null || constant == null
                || !(load instanceof VarInsnNode l && l.getOpcode() == Opcodes.ILOAD && l.var == store.var)) {
            return null;
        }
        char type = cast.getOpcode() == Opcodes.I2S ? 'S' : cast.getOpcode() == Opcodes.I2B ? 'B' : cast.getOpcode() == Opcodes.I2C ? 'C' : 0;
        Integer c = constant(constant);
        if (type == 0 || c == null || add.getOpcode() != Opcodes.IADD && add.getOpcode() != Opcodes.ISUB) {
            return null;
        }
        long step = add.getOpcode() == Opcodes.ISUB ? -(long) c : c;
        return step == 0 || step != (int) step ? null : new NarrowStep((int) step, type);
    }

    private static Integer constant(AbstractInsnNode n) {
        int op = n.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
            return op - Opcodes.ICONST_0;
        }
        if ((op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) && n instanceof IntInsnNode i) {
            return i.operand;
        }
        return n instanceof LdcInsnNode ldc && ldc.cst instanceof Integer i ? i : null;
    }

    /** @return the instruction before {@code n}, skipping labels, line numbers and frames; null at the start */
    private static AbstractInsnNode previous(AbstractInsnNode n) {
        if (n == null) {
            return null;
        }
        AbstractInsnNode p = n.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }
}
