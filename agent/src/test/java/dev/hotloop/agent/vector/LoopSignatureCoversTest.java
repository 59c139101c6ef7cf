package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A SIMD form generated after its caller was written may use only the parameters its twin fixed:
 * reads of parameters with their types, writes of results, and its own locals above the caller's.
 */
class LoopSignatureCoversTest implements Opcodes {

    /** iv in 3 and a float sum in 4 (results), an array in 1 and a bound in 2; the caller has 6 locals. */
    private static final LoopSignature SIG = new LoopSignature(new int[] {3, 4, 1, 2},
            new Type[] {Type.INT_TYPE, Type.FLOAT_TYPE, Type.getType("[F"), Type.INT_TYPE}, 2);

    private static InsnList code(Object... insns) {
        InsnList l = new InsnList();
        for (Object o : insns) {
            l.add((org.objectweb.asm.tree.AbstractInsnNode) o);
        }
        return l;
    }

    @Test
    void parametersResultsAndItsOwnLocalsAreCovered() {
        assertNull(SIG.covers(code(new VarInsnNode(ALOAD, 1), new VarInsnNode(ILOAD, 2), new VarInsnNode(ILOAD, 3),
                new VarInsnNode(FLOAD, 4), new VarInsnNode(FSTORE, 4), new IincInsnNode(3, 16),
                new VarInsnNode(DSTORE, 6), new VarInsnNode(ALOAD, 9)), 6));
    }

    @Test
    void aCallerLocalOutsideTheParametersIsNot() {
        assertEquals("local 5 (read)", SIG.covers(code(new VarInsnNode(ILOAD, 5)), 6));
        assertEquals("local 0 (read)", SIG.covers(code(new VarInsnNode(ALOAD, 0)), 6));
    }

    @Test
    void aWrittenInputOrAWrongTypeIsNot() {
        assertEquals("local 2 (written)", SIG.covers(code(new VarInsnNode(ISTORE, 2)), 6), "the bound is an input only");
        assertEquals("local 1 (written)", SIG.covers(code(new IincInsnNode(1, 1)), 6));
        assertEquals("local 4 (read)", SIG.covers(code(new VarInsnNode(ILOAD, 4)), 6), "the sum is a float");
        assertEquals("local 3 (read)", SIG.covers(code(new VarInsnNode(ALOAD, 3)), 6), "the index is no reference");
    }
}
