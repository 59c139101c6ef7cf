package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A vector loop advances its index by step * lanes * unroll, up to 4096 * 64 * 16: past the 16
 * bits of {@code iinc}, which ASM would silently truncate, the emitter adds in four instructions.
 */
class EmitterIincTest {

    @Test
    void aStepThatFitsIsOneIinc() {
        Emitter out = new Emitter(new MethodNode());
        out.iinc(3, -32768);
        assertEquals(1, out.code.size());
        assertEquals(-32768, assertInstanceOf(IincInsnNode.class, out.code.get(0)).incr);
    }

    @Test
    void aWiderStepIsLoadAddStore() {
        Emitter out = new Emitter(new MethodNode());
        out.iinc(3, 4096 * 16 * 4);
        assertEquals(4, out.code.size());
        assertEquals(Opcodes.ILOAD, out.code.get(0).getOpcode());
        assertEquals(262144, assertInstanceOf(LdcInsnNode.class, out.code.get(1)).cst);
        assertEquals(Opcodes.IADD, out.code.get(2).getOpcode());
        assertEquals(Opcodes.ISTORE, out.code.get(3).getOpcode());
    }
}
