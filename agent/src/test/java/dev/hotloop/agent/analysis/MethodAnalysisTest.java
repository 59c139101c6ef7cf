package dev.hotloop.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.LoopStrategy;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.targets.PlanTargets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

class MethodAnalysisTest {

    private static final AgentOptions DEFAULTS = AgentOptions.defaults();
    private static final ClassNode CLASS = ClassFiles.node(PlanTargets.class);

    private static AnnotatedMethod method(String name) {
        return AnnotationScanner.scan(CLASS).stream().filter(a -> a.method().name.equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachAnalysisIsComputedOnceAndShared() throws AnalyzerException {
        MethodAnalysis a = MethodAnalysis.of(CLASS.name, method("both").method());
        ControlFlowGraph g = a.graph();
        assertSame(g, a.graph());
        assertSame(a.dominators(), a.dominators());
        assertSame(a.loops(), a.loops());
        assertSame(a.liveness(), a.liveness());
        assertSame(a.types(), a.types());
        assertSame(a.sources(), a.sources());
        assertEquals(6, a.computed(), "graph, dominators, loops, liveness and two sets of frames, once each");
    }

    @Test
    void thePlannerAndBothStrategiesComputeNothingTwice() throws AnalyzerException {
        // @Parallel and @Vectorize on one nest: both real strategies judge loops of the same method.
        AnnotatedMethod m = method("both");
        MethodAnalysis a = MethodAnalysis.of(CLASS.name, m.method());
        MethodPlan plan = new Planner(DEFAULTS, true).plan(m, a, a.loops(), true);
        assertEquals(2, plan.decisions().size(), plan.reportLine());
        assertTrue(plan.decisions().get(0).rewritten(), plan.reportLine());
        int computed = a.computed();
        assertTrue(computed <= 6, "each analysis at most once while planning: " + computed);
        a.graph();
        a.dominators();
        a.loops();
        a.liveness();
        a.sources();
        a.types();
        assertEquals(6, a.computed(), "what planning computed is kept, the rest computed now once");
    }

    @Test
    void everyStrategySeesTheOneAnalysis() throws AnalyzerException {
        AnnotatedMethod m = method("siblings");
        MethodAnalysis a = MethodAnalysis.of(CLASS.name, m.method());
        List<ControlFlowGraph> seen = new ArrayList<>();
        LoopStrategy recording = (method, analysis, annotation, loop, mayAddMembers) -> {
            try {
                seen.add(analysis.graph());
            } catch (AnalyzerException e) {
                throw new IllegalStateException(e);
            }
            return LoopDecision.refused(annotation, loop, loop.line(), null, "kept");
        };
        new Planner(DEFAULTS, true, recording, recording).plan(m, a, a.loops(), true);
        assertEquals(2, seen.size());
        assertSame(a.graph(), seen.get(0));
        assertSame(a.graph(), seen.get(1));
        assertEquals(3, a.computed(), "graph, dominators and loops");
    }

    @Test
    void aChangedMethodIsAnalysedAgain() throws AnalyzerException {
        MethodAnalysis a = MethodAnalysis.of(CLASS.name, method("siblings").method());
        ControlFlowGraph before = a.graph();
        a.methodChanged();
        assertNotSame(before, a.graph());
        assertEquals(2, a.computed());
    }

    @Test
    void aLocalIsNamedWithinItsRangeByTheJvmsRule() {
        MethodNode m = method("siblings").method();
        MethodAnalysis a = MethodAnalysis.of(CLASS.name, m);
        assertEquals("a", a.localName(0, 0));
        LocalVariableNode i = m.localVariables.stream().filter(lv -> lv.name.equals("i")).findFirst().orElseThrow();
        int start = m.instructions.indexOf(i.start);
        int end = m.instructions.indexOf(i.end);
        assertSame(i, a.declaration(i.index, start));
        assertSame(i, a.declaration(i.index, end - 1));
        assertTrue(a.declaration(i.index, end) != i, "the end label is outside the range");
        assertNull(a.declaration(i.index, 0), "not yet declared at the method's start");
        assertEquals("local#" + i.index, a.localName(i.index, 0));
    }
}
