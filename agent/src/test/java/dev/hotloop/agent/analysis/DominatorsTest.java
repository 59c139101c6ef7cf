package dev.hotloop.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.targets.LoopShapes;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

class DominatorsTest {

    private static final ClassNode SHAPES = ClassFiles.node(LoopShapes.class);

    private static ControlFlowGraph graph(String method) throws AnalyzerException {
        return ControlFlowGraph.build(SHAPES.name, ClassFiles.method(SHAPES, method));
    }

    @Test
    void entryDominatesEveryReachableBlockAndEachBlockItself() throws AnalyzerException {
        ControlFlowGraph g = graph("nested3");
        Dominators d = Dominators.of(g);
        for (int b = 0; b < g.size(); b++) {
            assertTrue(d.dominates(0, b), "entry dominates " + b);
            assertTrue(d.dominates(b, b));
        }
    }

    @Test
    void neitherBranchOfADiamondDominatesTheJoin() throws AnalyzerException {
        ControlFlowGraph g = graph("branches");
        Dominators d = Dominators.of(g);
        int then = g.successors(0).get(0);
        int otherwise = g.successors(0).get(1);
        for (int b = 0; b < g.size(); b++) {
            if (g.predecessors(b).size() == 2) {
                assertFalse(d.dominates(then, b));
                assertFalse(d.dominates(otherwise, b));
                assertTrue(d.dominates(0, b));
            }
        }
        assertFalse(d.dominates(then, otherwise));
    }

    @Test
    void irreducibleCycleHasNoDominatingEntry() throws AnalyzerException {
        ControlFlowGraph g = ControlFlowGraph.build(SyntheticMethods.OWNER, SyntheticMethods.irreducible());
        Dominators d = Dominators.of(g);
        int a = g.successors(0).get(0);
        int b = g.successors(0).get(1);
        assertFalse(d.dominates(a, b));
        assertFalse(d.dominates(b, a));
    }

    @Test
    void handlerReachedOnlyByExceptionsIsDominatedByNothing() throws AnalyzerException {
        ControlFlowGraph g = graph("insideTry");
        Dominators d = Dominators.of(g);
        int handler = -1;
        for (int b = 0; b < g.size(); b++) {
            if (!g.exceptionSuccessors(b).isEmpty()) {
                handler = g.exceptionSuccessors(b).get(0);
            }
        }
        assertTrue(handler > 0);
        assertFalse(d.dominates(0, handler), "normal edges never reach it");
    }
}
