package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.AnnotationScanner;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.targets.SimdTargets;
import dev.hotloop.agent.targets.vector.SearchKernels;
import dev.hotloop.agent.targets.vector.SelectionKernels;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/** The plan prints itself: the loop, each access with its form, stores, reductions, hoisted values and guards. */
class VectorPlanDescribeTest {

    private static final ClassNode CLASS = ClassFiles.node(SimdTargets.class);

    private static LoopDecision decide(String name) throws AnalyzerException {
        AnnotatedMethod m = AnnotationScanner.scan(CLASS).stream().filter(a -> a.method().name.equals(name)).findFirst().orElseThrow();
        MethodAnalysis analysis = MethodAnalysis.of(CLASS.name, m.method());
        List<Loop> loops = analysis.loops();
        return new VectorStrategy(256).decide(m, analysis, m.annotations().get(0), loops.get(loops.size() - 1), true);
    }

    @Test
    void aConditionalStore() throws AnalyzerException {
        assertEquals(String.join("\n",
                "loop i ++ while i < out.length: SIMD float x8",
                "  access out[i] float contiguous, written",
                "  access a[i] float contiguous",
                "  access b[i] float contiguous",
                "  store out[i] = ((a[i] > b[i]) ? (a[i] * 2.0f) : (b[i] - a[i]))",
                "  hoisted 2.0f",
                "  guards: non-null out, a, b; in bounds 3 accesses; out is not a; out is not b"), decide("select").rewrite().describe());
    }

    @Test
    void aFusedReduction() throws AnalyzerException {
        assertEquals(String.join("\n",
                "loop i ++ while i < a.length: SIMD float x8, reduction +, unroll 4, fastMath",
                "  access a[i] float contiguous",
                "  access b[i] float contiguous",
                "  reduction s += (a[i] * b[i]) (fused multiply-add)",
                "  guards: non-null a, b; in bounds 2 accesses"), decide("dot").rewrite().describe());
    }

    private static String describe(Class<?> target, String name) throws AnalyzerException {
        ClassNode cls = ClassFiles.node(target);
        AnnotatedMethod m = AnnotationScanner.scan(cls).stream().filter(a -> a.method().name.equals(name)).findFirst().orElseThrow();
        MethodAnalysis analysis = MethodAnalysis.of(cls.name, m.method());
        List<Loop> loops = analysis.loops();
        return new VectorStrategy(256).decide(m, analysis, m.annotations().get(0), loops.get(loops.size() - 1), true).rewrite().describe();
    }

    @Test
    void anArgmax() throws AnalyzerException {
        assertEquals(String.join("\n",
                "loop i ++ while i < a.length: SIMD int/float x8, argmax, unroll 4",
                "  access a[i] float contiguous",
                "  selection best = a[i] when a[i] > best, at = i (argmax, the first of equals wins)",
                "  guards: non-null a; in bounds 1 access"), describe(SelectionKernels.class, "argmaxFloat"));
    }

    @Test
    void aSearch() throws AnalyzerException {
        assertEquals(String.join("\n",
                "loop i ++ while i < a.length: SIMD int x8, early exit",
                "  access a[i] int contiguous",
                "  exit when (a[i] == key) (the original loop runs the first iteration where it holds)",
                "  hoisted key",
                "  guards: non-null a; in bounds 1 access"), describe(SearchKernels.class, "indexOf"));
    }

    @Test
    void anOrderedReduction() throws AnalyzerException {
        assertEquals(String.join("\n",
                "loop i ++ while i < a.length: SIMD double x4, reduction + (ordered)",
                "  access a[i] double contiguous",
                "  access b[i] double contiguous",
                "  reduction s += sqrt(((a[i] * a[i]) + (b[i] * b[i]))) (ordered: each vector's lanes folded into s one at a time, in iteration order)",
                "  guards: non-null a, b; in bounds 2 accesses"), decide("normsStrict").rewrite().describe());
    }

    @Test
    void theMethodPlanIndentsEachLoopsPlanUnderItsLine() throws AnalyzerException {
        LoopDecision d = decide("select");
        AnnotatedMethod m = AnnotationScanner.scan(CLASS).stream().filter(a -> a.method().name.equals("select")).findFirst().orElseThrow();
        String text = new MethodPlan(m, List.of(d)).describe();
        String[] lines = text.split("\n");
        assertEquals("dev.hotloop.agent.targets.SimdTargets.select(float[],float[],float[])", lines[0]);
        assertEquals("  line " + d.line() + ": " + d.summary(), lines[1]);
        assertEquals("    " + d.rewrite().describe().split("\n")[0], lines[2]);
    }
}
