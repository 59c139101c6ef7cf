package dev.hotloop.agent.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.SourceMarkers;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.AnnotationScanner;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.LoopFinder;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.targets.AbstractTarget;
import dev.hotloop.agent.targets.PlanTargets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

class PlannerTest {

    private static final AgentOptions DEFAULTS = AgentOptions.defaults();

    /** Keeps every loop, so these tests see the planner's mapping and not the code generators. */
    private static final LoopStrategy KEEP = (method, analysis, a, loop, mayAddMembers) -> LoopDecision.refused(a, loop, loop.line(), RefusalCode.LOOP_SHAPE,
            (a.kind() == HotloopAnnotation.Kind.VECTORIZE ? "not vectorized" : "not parallelized")
                    + ": loop over " + loop.inductionName() + " kept as written by the test strategy");

    /** A method of {@link PlanTargets}, its loops, and its plan. */
    private record Planned(AnnotatedMethod method, List<Loop> loops, MethodPlan plan) {
        LoopDecision only() {
            assertEquals(1, plan.decisions().size(), plan.reportLine());
            return plan.decisions().get(0);
        }
    }

    private static Planned plan(String name, AgentOptions options, boolean vectorApi) throws AnalyzerException {
        ClassNode cls = ClassFiles.node(PlanTargets.class);
        AnnotatedMethod m = AnnotationScanner.scan(cls).stream()
                .filter(a -> a.method().name.equals(name)).findFirst().orElseThrow();
        List<Loop> loops = LoopFinder.find(cls.name, m.method());
        return new Planned(m, loops, new Planner(options, vectorApi, KEEP, KEEP).plan(m, loops));
    }

    private static Planned plan(String name) throws AnalyzerException {
        return plan(name, DEFAULTS, true);
    }

    private static int line(String marker) {
        return SourceMarkers.line(PlanTargets.class, marker);
    }

    private static AgentOptions options(String agentArgs) {
        return AgentOptions.parse(agentArgs, new Properties(), Map.of());
    }

    @Test
    void methodVectorizeTargetsTheInnermostLoop() throws AnalyzerException {
        Planned p = plan("vectorizeNest");
        LoopDecision d = p.only();
        assertSame(p.loops().get(1), d.loop());
        assertTrue(d.loop().innermost());
        assertEquals(line("vectorizeNest.inner"), d.line());
        assertEquals("not vectorized: loop over c kept as written by the test strategy",
                d.summary());
        assertFalse(d.rewritten());
    }

    @Test
    void methodParallelTargetsTheOutermostLoop() throws AnalyzerException {
        Planned p = plan("parallelNest");
        LoopDecision d = p.only();
        assertSame(p.loops().get(0), d.loop());
        assertTrue(d.loop().outermost());
        assertEquals(line("parallelNest.outer"), d.line());
        assertEquals("not parallelized: loop over r kept as written by the test strategy",
                d.summary());
    }

    @Test
    void indexAnnotationOnTheSecondOfTwoLoopsTargetsOnlyThatLoop() throws AnalyzerException {
        Planned p = plan("secondLoopOnly");
        assertEquals(2, p.loops().size());
        // Both indexes live in the same slot: only the annotation's bytecode range tells the loops apart.
        assertEquals(p.loops().get(0).inductionVar(), p.loops().get(1).inductionVar());
        LoopDecision d = p.only();
        assertSame(p.loops().get(1), d.loop());
        assertEquals(line("secondLoopOnly.second"), d.line());
        assertNotEquals(line("secondLoopOnly.first"), d.line());
        assertTrue(d.annotation().fastMath());
    }

    @Test
    void indexAnnotationOnTheFirstOfTwoLoopsTargetsOnlyThatLoop() throws AnalyzerException {
        Planned p = plan("firstLoopOnly");
        assertEquals(2, p.loops().size());
        LoopDecision d = p.only();
        assertSame(p.loops().get(0), d.loop());
        assertEquals(line("firstLoopOnly.first"), d.line());
        assertTrue(d.summary().startsWith("not parallelized: loop over i kept as written"), d.summary());
    }

    @Test
    void methodWithoutLoopsIsReported() throws AnalyzerException {
        LoopDecision d = plan("noLoop").only();
        assertNull(d.loop());
        assertEquals(-1, d.line());
        assertEquals("@Vectorize on a method without loops: nothing to rewrite", d.summary());
    }

    @Test
    void annotatedVariableThatDrivesNoLoopIsReported() throws AnalyzerException {
        LoopDecision d = plan("variableDrivesNoLoop").only();
        assertNull(d.loop());
        assertEquals("@Vectorize marks a variable that drives no loop: annotate the index variable of a for loop, or the element variable of a for-each", d.summary());
    }

    @Test
    void nonVoidMethodIsPlannedOnce() throws AnalyzerException {
        Planned p = plan("nonVoid");
        assertEquals(line("nonVoid"), p.only().line());
        String report = p.plan().reportLine();
        assertEquals(report.indexOf("not vectorized"), report.lastIndexOf("not vectorized"), report);
    }

    @Test
    void siblingInnermostLoopsAreBothTargetedInSourceOrder() throws AnalyzerException {
        MethodPlan plan = plan("siblings").plan();
        assertEquals(2, plan.decisions().size());
        assertEquals(line("siblings.first"), plan.decisions().get(0).line());
        assertEquals(line("siblings.second"), plan.decisions().get(1).line());
    }

    @Test
    void bothAnnotationsTargetTheirOwnLoops() throws AnalyzerException {
        MethodPlan plan = plan("both").plan();
        assertEquals(2, plan.decisions().size());
        LoopDecision outer = plan.decisions().get(0);
        LoopDecision inner = plan.decisions().get(1);
        assertEquals(HotloopAnnotation.Kind.PARALLEL, outer.annotation().kind());
        assertEquals(line("both.outer"), outer.line());
        assertEquals(HotloopAnnotation.Kind.VECTORIZE, inner.annotation().kind());
        assertEquals(line("both.inner"), inner.line());
    }

    @Test
    void vectorizeFalseIsTheReason() throws AnalyzerException {
        assertEquals("not vectorized: vectorize=false in the agent options",
                plan("vectorizeNest", options("vectorize=false"), true).only().summary());
        assertTrue(plan("parallelNest", options("vectorize=false"), true).only().summary().contains("kept as written"));
    }

    @Test
    void parallelFalseIsTheReason() throws AnalyzerException {
        assertEquals("not parallelized: parallel=false in the agent options",
                plan("parallelNest", options("parallel=false"), true).only().summary());
        assertTrue(plan("vectorizeNest", options("parallel=false"), true).only().summary().contains("kept as written"));
    }

    @Test
    void disabledAgentIsTheReason() throws AnalyzerException {
        assertEquals("not vectorized: the agent is disabled (enabled=false)",
                plan("vectorizeNest", options("enabled=false"), true).only().summary());
    }

    @Test
    void withoutLocalVariableTableTheLoopIsPlacedAndMinusGIsHintedOnce() throws AnalyzerException {
        ClassNode cls = ClassFiles.node(PlanTargets.class);
        AnnotatedMethod m = AnnotationScanner.scan(cls).stream()
                .filter(a -> a.method().name.equals("vectorizeNest")).findFirst().orElseThrow();
        m.method().localVariables = null; // as javac leaves it without -g
        List<Loop> loops = LoopFinder.find(cls.name, m.method());
        Planner planner = new Planner(DEFAULTS, true, KEEP, KEEP);
        String first = planner.plan(m, loops).decisions().get(0).summary();
        assertTrue(first.startsWith("not vectorized: loop over local#"), first);
        assertTrue(first.contains("(the loop at PlanTargets.java line " + line("vectorizeNest.inner") + ")"), first);
        assertTrue(first.contains("compile with -g"), first);
        String second = planner.plan(m, loops).decisions().get(0).summary();
        assertTrue(second.contains("(the loop at PlanTargets.java line "), second);
        assertFalse(second.contains("-g"), () -> "the hint is given once: " + second);
        assertFalse(plan("vectorizeNest").only().summary().contains("the loop at"), "names known: nothing added");
    }

    @Test
    void unresolvedVectorApiKeepsTheRealVerdict() throws AnalyzerException {
        assertEquals("not vectorized: loop over c kept as written by the test strategy (runs scalar: jdk.incubator.vector not resolved)",
                plan("vectorizeNest", DEFAULTS, false).only().summary());
        ClassNode cls = ClassFiles.node(PlanTargets.class);
        AnnotatedMethod m = AnnotationScanner.scan(cls).stream()
                .filter(a -> a.method().name.equals("vectorizeNest")).findFirst().orElseThrow();
        LoopStrategy simd = (method, analysis, a, loop, mayAddMembers) -> LoopDecision.rewritten(a, loop, loop.line(), "SIMD float x8", null);
        LoopDecision d = new Planner(DEFAULTS, false, simd, KEEP).plan(m, LoopFinder.find(cls.name, m.method())).decisions().get(0);
        assertFalse(d.rewritten(), "nothing is rewritten without the Vector API");
        assertEquals("would be SIMD float x8 (runs scalar: jdk.incubator.vector not resolved)", d.summary());
        assertFalse(plan("parallelNest", DEFAULTS, false).only().summary().contains("jdk.incubator.vector"),
                "@Parallel does not need the Vector API");
    }

    @Test
    void strategiesThatKeepEveryLoopRewriteNothing() throws AnalyzerException {
        for (String m : new String[] {"vectorizeNest", "parallelNest", "secondLoopOnly", "both", "noLoop"}) {
            MethodPlan plan = plan(m).plan();
            assertTrue(plan.anyRefused(), m);
            assertFalse(plan.anyRewritten(), m);
        }
    }

    @Test
    void methodsWithoutCodeAreReported() {
        ClassNode cls = ClassFiles.node(AbstractTarget.class);
        AnnotatedMethod m = AnnotationScanner.scan(cls).stream()
                .filter(a -> a.method().name.equals("scale")).findFirst().orElseThrow();
        MethodPlan plan = new Planner(DEFAULTS, true).planWithoutCode(m);
        assertEquals("dev.hotloop.agent.targets.AbstractTarget.scale(float[],float): @Vectorize on an abstract or native method: "
                + "there is no loop to rewrite; annotate the implementing method", plan.reportLine());
    }

    @Test
    void unanalysableMethodsAreReportedWithTheAnalysersMessage() throws AnalyzerException {
        MethodPlan plan = new Planner(DEFAULTS, true).planUnanalysable(plan("noLoop").method(), "stack underflow");
        assertEquals("not rewritten: the bytecode could not be analysed (stack underflow)", plan.decisions().get(0).summary());
    }

    @Test
    void reportLineNamesClassMethodParametersAndLine() throws AnalyzerException {
        assertEquals("dev.hotloop.agent.targets.PlanTargets.mixed(int[],float,long[],String,double[][]) line " + line("mixed")
                + ": not vectorized: loop over i kept as written by the test strategy",
                plan("mixed").plan().reportLine());
    }
}
