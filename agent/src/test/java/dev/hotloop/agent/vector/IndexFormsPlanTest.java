package dev.hotloop.agent.vector;

import static dev.hotloop.agent.vector.Plans.decide;
import static dev.hotloop.agent.vector.Plans.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.targets.vector.DistanceKernels;
import dev.hotloop.agent.targets.vector.GatherKernels;
import dev.hotloop.agent.targets.vector.StepKernels;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The plan of the index forms of issue #12, as {@link VectorPlan#describe} prints it for 256-bit
 * vectors: steps other than 1 (each access strided by its step from lane to lane), dependences at
 * a constant distance (the lanes fitted to it) and gathers.
 */
class IndexFormsPlanTest {


    @Test
    void aStepOfTwoStridesEveryAccessByTwo() throws AnalyzerException {
        assertEquals(String.join("\n",
                "loop i += 2 while i < n: SIMD float x8, gather, scatter",
                "  access out[i] float strided 2 (scatter), written",
                "  access a[i] float strided 2 (gather)",
                "  store out[i] = ((a[i] * 2.0f) + 1.0f)",
                "  fence: each chunk's loads before its stores (an index map: C2 may reorder a gather and a scatter)",
                "  hoisted 2.0f, 1.0f",
                "  guards: non-null a, out; in bounds 2 accesses; out is not a"), plan(StepKernels.class, "stepTwo"));
    }

    @Test
    void aScaledIndexUnderAStepStridesByTheirProduct() throws AnalyzerException {
        String text = plan(StepKernels.class, "stepTwoScaled");
        assertTrue(text.contains("  access a[2*i] int strided 4 (gather)\n"), text);
        assertTrue(plan(StepKernels.class, "stepMinusThree").startsWith("loop i -= 3 while i >= 0: SIMD long x4"), text);
    }

    @Test
    void theInterleavedPairUnderIPlusTwoNeverMeets() throws AnalyzerException {
        String text = plan(StepKernels.class, "evensFromOdds");
        assertTrue(text.contains("  access a[i] short strided 2 (scatter), written\n"), text);
        assertTrue(text.contains("  access a[i + 1] short strided 2 (gather)\n"), text);
        LoopDecision d = decide(StepKernels.class, "stepTwoCarried");
        assertEquals(RefusalCode.CARRIED_DEPENDENCE, d.code(), d.summary());
    }

    @Test
    void aConstantDistanceBoundsTheLanes() throws AnalyzerException {
        String text = plan(DistanceKernels.class, "distanceFour");
        assertTrue(text.startsWith("loop i ++ while i < n - 4: SIMD int x4\n") || text.startsWith("loop i ++ while i < (n - 4): SIMD int x4\n"), text);
        assertTrue(text.contains("  carried a[i + 4] written, read as [i] 4 iterations later: at most 4 lanes\n"), text);
        assertTrue(plan(DistanceKernels.class, "fallingDistanceThree").contains("SIMD long x2\n"));
        assertFalse(plan(DistanceKernels.class, "readAhead").contains("carried"));
        LoopDecision d = decide(DistanceKernels.class, "byteDistanceFour");
        assertEquals(RefusalCode.CARRIED_DEPENDENCE, d.code(), d.summary());
        assertTrue(d.summary().contains("(loop-carried dependence): 4 iterations apart, fewer than the lanes of the shortest vector"), d.summary());
    }

    @Test
    void aGatherIsOneAccessWithItsIndexCheckedPerChunk() throws AnalyzerException {
        String text = plan(GatherKernels.class, "gatherCopy");
        assertTrue(text.startsWith("loop i ++ while i < n: SIMD int/float x8, gather\n"), text);
        assertTrue(text.contains("  access a[keys[i]] float gather (index checked per chunk)\n"), text);
        assertTrue(text.contains("  access keys[i] int contiguous\n"), text);
        assertTrue(text.contains("out is not a"), text);
        assertEquals(RefusalCode.CARRIED_DEPENDENCE, decide(GatherKernels.class, "gatherWritten").code());
        assertEquals(RefusalCode.GATHER_SCATTER, decide(GatherKernels.class, "scatter").code());
        assertEquals(RefusalCode.GATHER_SCATTER, decide(GatherKernels.class, "gatherTwice").code());
    }
}
