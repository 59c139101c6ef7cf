package dev.hotloop.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.targets.LoopShapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

class ControlFlowGraphTest {

    private static final ClassNode SHAPES = ClassFiles.node(LoopShapes.class);

    private static ControlFlowGraph graph(String method) throws AnalyzerException {
        return ControlFlowGraph.build(SHAPES.name, ClassFiles.method(SHAPES, method));
    }

    @Test
    void straightLineCodeIsOneBlock() throws AnalyzerException {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "id", "(I)I", null, null);
        m.maxLocals = 1;
        m.maxStack = 1;
        m.instructions.add(new VarInsnNode(Opcodes.ILOAD, 0));
        m.instructions.add(new InsnNode(Opcodes.IRETURN));
        ControlFlowGraph g = ControlFlowGraph.build("gen/X", m);
        assertEquals(1, g.size());
        assertTrue(g.successors(0).isEmpty());
        assertTrue(g.predecessors(0).isEmpty());
        assertSame(m, g.method());
    }

    @Test
    void ifElseIsADiamond() throws AnalyzerException {
        ControlFlowGraph g = graph("branches");
        assertEquals(2, g.successors(0).size(), "the test has two successors");
        int join = -1;
        for (int b = 0; b < g.size(); b++) {
            if (g.predecessors(b).size() == 2) {
                join = b;
            }
        }
        assertTrue(join > 0, "the join block has both branches as predecessors");
        for (int p : g.predecessors(join)) {
            assertTrue(g.predecessors(p).contains(0), "each branch follows the test");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"forLoop", "nested3", "withBreak", "insideTry", "catchInside", "infinite", "branches"})
    void blocksPartitionTheReachableInstructions(String method) throws AnalyzerException {
        ControlFlowGraph g = graph(method);
        int n = g.method().instructions.size();
        assertEquals(0, g.blockOf(0));
        int previousLast = -1;
        for (int b = 0; b < g.size(); b++) {
            assertTrue(g.firstInsn(b) > previousLast, "blocks are ordered and disjoint");
            assertTrue(g.firstInsn(b) <= g.lastInsn(b));
            for (int i = g.firstInsn(b); i <= g.lastInsn(b); i++) {
                assertEquals(b, g.blockOf(i));
            }
            previousLast = g.lastInsn(b);
            for (int s : g.successors(b)) {
                assertTrue(g.predecessors(s).contains(b), "edges are recorded both ways");
            }
        }
        assertTrue(previousLast < n);
        assertEquals(g.blockOf(g.method().instructions.get(0)), g.blockOf(0));
    }

    @Test
    void exceptionEdgesAreKeptApart() throws AnalyzerException {
        ControlFlowGraph g = graph("insideTry");
        int handler = -1;
        for (int b = 0; b < g.size(); b++) {
            for (int h : g.exceptionSuccessors(b)) {
                handler = h;
                assertFalse(g.successors(b).contains(h), "a handler is no normal successor");
            }
        }
        assertTrue(handler > 0, "the try body has a handler");
        assertTrue(g.predecessors(handler).isEmpty(), "the handler is reached by exceptions only");
    }

    @Test
    void unreachableInstructionsBelongToNoBlock() throws AnalyzerException {
        MethodNode m = SyntheticMethods.withDeadCode();
        ControlFlowGraph g = ControlFlowGraph.build(SyntheticMethods.OWNER, m);
        assertEquals(-1, g.blockOf(m.instructions.size() - 1));
        assertEquals(-1, g.blockOf(m.instructions.getLast()));
    }

    @Test
    void malformedBytecodeIsRejected() {
        assertThrows(AnalyzerException.class, () -> ControlFlowGraph.build(SyntheticMethods.OWNER, SyntheticMethods.malformed()));
    }

    @Test
    void loopBlockJumpsBackToItself() throws AnalyzerException {
        ControlFlowGraph g = ControlFlowGraph.build(SyntheticMethods.OWNER, SyntheticMethods.bottomTested(1));
        int loop = g.blockOf(3); // the iinc
        assertTrue(g.successors(loop).contains(loop));
        assertEquals(2, g.predecessors(loop).size(), "entered from the entry block and from itself");
        assertTrue(g.predecessors(loop).contains(0));
    }
}
