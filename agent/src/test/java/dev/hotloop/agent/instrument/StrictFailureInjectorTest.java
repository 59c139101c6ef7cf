package dev.hotloop.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.targets.Kernels;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.BasicVerifier;

class StrictFailureInjectorTest {

    @Test
    void methodCallsStrictFailWithTheDiagnosticFirstAndKeepsItsCode() {
        MethodNode m = ClassFiles.method(ClassFiles.node(Kernels.class), "fill");
        int size = m.instructions.size();
        StrictFailureInjector.inject(m, "a.B.fill(int[],int) line 3: why");
        AbstractInsnNode first = m.instructions.getFirst();
        assertTrue(first instanceof LdcInsnNode ldc && ldc.cst.equals("a.B.fill(int[],int) line 3: why"));
        AbstractInsnNode call = first.getNext();
        assertTrue(call instanceof MethodInsnNode mi && mi.getOpcode() == Opcodes.INVOKESTATIC
                && mi.owner.equals("dev/hotloop/runtime/Strict") && mi.name.equals("fail") && mi.desc.equals("(Ljava/lang/String;)V"));
        assertEquals(size + 2, m.instructions.size(), "the original code stays after the call");
        assertTrue(m.maxStack >= 1);
        assertDoesNotThrow(() -> new Analyzer<BasicValue>(new BasicVerifier()).analyze("dev/hotloop/agent/targets/Kernels", m));
    }
}
