package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.AnnotationScanner;
import dev.hotloop.agent.analysis.ControlFlowGraph;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.analysis.LoopFinder;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.targets.SimdTargets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.tree.ClassNode;

/** Tier 1: what the vectorizer decides for each shape, at a fixed 512-bit preferred size. */
class VectorStrategyTest {

    private static final ClassNode CLASS = ClassFiles.node(SimdTargets.class);

    private static AnnotatedMethod method(String name) {
        return AnnotationScanner.scan(CLASS).stream().filter(m -> m.method().name.equals(name)).findFirst().orElseThrow();
    }

    private static LoopDecision decide(String name, int bits) throws Exception {
        AnnotatedMethod m = method(name);
        MethodAnalysis analysis = MethodAnalysis.of(CLASS.name, m.method());
        List<Loop> loops = analysis.loops();
        return new VectorStrategy(bits).decide(m, analysis, m.annotations().get(0), loops.get(loops.size() - 1), true);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "add           | SIMD float x16 (C2's SuperWord vectorizes the original too: the faster one runs)",
        "addUnrolled   | SIMD float x16, unroll 2",
        "sumInt        | SIMD int x16, reduction +, unroll 4",
        "dot           | SIMD float x16, reduction +, unroll 4, fastMath",
        "normsStrict   | SIMD double x4, reduction + (ordered)",
        "dotStrict     | SIMD float x8, reduction + (ordered)",
        "select        | SIMD float x16",
        "maxAbs        | SIMD float x16, reduction max, unroll 4",
        "stencil       | SIMD float x16",
        "countPositive | SIMD int/double x8, reduction +, unroll 4",
        "toInt         | SIMD int/float x16",
        "reverseScale  | SIMD double x8",
        "sumTanh       | SIMD double x8, reduction +, unroll 4, fastMath",
    })
    void rewrites(String name, String summary) throws Exception {
        LoopDecision d = decide(name, 512);
        assertTrue(d.rewritten(), d.summary());
        assertEquals(summary, d.summary());
        assertTrue(d.rewrite() != null, "every vectorizable loop is tiered, the JIT's own vectorizer's too");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sumStrict | kept scalar: a double sum must keep its order, and the loop computes nothing per element but loads (a[i]): "
                + "the plain loop already runs at the speed of its chain of adds, which SIMD lanes folded one at a time cannot beat; "
                + "add @Vectorize(fastMath = true) to allow reassociation, or @Vectorize(unroll = 1) to have the ordered SIMD form measured",
        "sumAboveStrict | kept scalar: a float sum must keep its order, and it adds only where (a[i] > 0.5f): the plain loop "
                + "skips the other iterations, where the SIMD fold still takes their lanes one at a time; "
                + "add @Vectorize(fastMath = true) to allow reassociation, or @Vectorize(unroll = 1) to have the ordered SIMD form measured",
        "prefix    | not vectorized: a[i] depends on a[i - 1] (loop-carried dependence)",
    })
    void refuses(String name, String why) throws Exception {
        LoopDecision d = decide(name, 512);
        assertEquals(false, d.rewritten());
        assertEquals(why, d.summary());
    }

    @Test
    void lanesFollowThePreferredShape() throws Exception {
        assertEquals("SIMD float x8", decide("select", 256).summary());
        assertEquals("SIMD int/double x4, reduction +, unroll 4", decide("countPositive", 256).summary());
    }

    @Test
    void theIrPrintsOneStatementALine() throws Exception {
        AnnotatedMethod m = method("select");
        List<Loop> loops = LoopFinder.find(CLASS.name, m.method());
        LoopIR ir = Lifter.lift(CLASS.name, m.method(), m.siblings(), ControlFlowGraph.build(CLASS.name, m.method()), loops.get(0), null);
        assertEquals("for i ++ while i < out.length {\n"
                + "  out[i] = ((a[i] > b[i]) ? (a[i] * 2.0f) : (b[i] - a[i]))\n"
                + "}", ir.print());
    }
}
