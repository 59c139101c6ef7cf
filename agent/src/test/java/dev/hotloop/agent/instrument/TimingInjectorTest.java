package dev.hotloop.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.targets.ConstructorLoopTarget;
import dev.hotloop.agent.targets.Kernels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.BasicVerifier;

class TimingInjectorTest {

    private static final ClassNode KERNELS = ClassFiles.node(Kernels.class);

    private static MethodNode kernel(String name) {
        return ClassFiles.method(ClassFiles.node(Kernels.class), name);
    }

    private static List<String> timingCalls(MethodNode m) {
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode call && call.owner.equals(TimingInjector.TIMINGS)) {
                out.add(call.name + call.desc);
            }
        }
        return out;
    }

    private static int returns(MethodNode m) {
        int n = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn.getOpcode() >= Opcodes.IRETURN && insn.getOpcode() <= Opcodes.RETURN) {
                n++;
            }
        }
        return n;
    }

    private static void assertVerifies(MethodNode m) {
        assertDoesNotThrow(() -> new Analyzer<BasicValue>(new BasicVerifier()).analyze(KERNELS.name, m));
    }

    @Test
    void countFirstThenStartOnOfferedCallsAndExitBeforeEveryReturn() {
        MethodNode m = kernel("indexOf");
        int returns = returns(m);
        assertEquals(2, returns, "indexOf returns from inside and after the loop");
        int maxLocals = m.maxLocals;
        TimingInjector.inject(m, 42);
        List<String> calls = timingCalls(m);
        assertEquals(List.of("start(JI)J", "enterShared(I)J"), calls.subList(0, 2),
                "on the way in: the owner's timer, one call in 16, or the other threads' count");
        assertEquals(2 + returns, calls.size(), calls.toString());
        assertTrue(calls.subList(2, calls.size()).stream().allMatch("exit(JI)V"::equals));
        assertEquals(maxLocals + 2, m.maxLocals, "a long token after the existing locals");
        AbstractInsnNode first = m.instructions.getFirst();
        assertTrue(first instanceof MethodInsnNode c && c.name.equals("currentThread"), "first: is this the owner thread?");
        assertTrue(first.getNext() instanceof FieldInsnNode f && f.owner.equals(TimingInjector.TIMINGS) && f.name.equals("owners"));
        assertTrue(first.getNext().getNext() instanceof LdcInsnNode ldc && Integer.valueOf(42).equals(ldc.cst), "at the method's id");
        assertTrue(m.tryCatchBlocks.isEmpty(), "no handler: a call that throws is counted, not timed");
        assertVerifies(m);
    }

    @Test
    void theMethodsOwnHandlersStayAsTheyWere() {
        MethodNode m = kernel("parseAll");
        List<TryCatchBlockNode> own = new ArrayList<>(m.tryCatchBlocks);
        assertEquals(1, own.size());
        TimingInjector.inject(m, 1);
        assertEquals(own, m.tryCatchBlocks, "the NumberFormatException handler alone");
        assertVerifies(m);
    }

    @Test
    void constructorGetsNoHandlerAroundItsSuperCall() {
        MethodNode init = ClassFiles.method(ClassFiles.node(ConstructorLoopTarget.class), "<init>");
        TimingInjector.inject(init, 3);
        assertTrue(init.tryCatchBlocks.isEmpty());
        assertEquals(List.of("start(JI)J", "enterShared(I)J", "exit(JI)V"), timingCalls(init));
    }
}
