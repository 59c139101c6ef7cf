package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.targets.vector.StrideKernels;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Strided and reversed accesses in the plan: the form the legality stage gives each access, with
 * its step, printed by {@link VectorPlan#describe}; the dependence test on strided and reversed
 * pairs; and the refusal of a scatter at a step known only at run time.
 */
class StridedPlanTest {

    private static LoopDecision decide(String name) throws AnalyzerException {
        return Plans.decide(StrideKernels.class, name);
    }

    private static String plan(String name) throws AnalyzerException {
        return Plans.plan(StrideKernels.class, name);
    }

    @Test
    void aReversedReadIsOneLoadWithItsLanesReversed() throws AnalyzerException {
        assertEquals(String.join("\n",
                "loop i ++ while i < n: SIMD float x8",
                "  access out[i] float contiguous, written",
                "  access a[-i + n - 1] float reversed (lanes reversed)",
                "  store out[i] = a[((n - 1) - i)]",
                "  guards: non-null a, out; in bounds 2 accesses; out is not a"), plan("reverseCopy"));
    }

    @Test
    void interleavedPairsAreTwoGathersOfStepTwo() throws AnalyzerException {
        String text = plan("pairSums");
        assertTrue(text.contains("SIMD double x4, gather\n"), text);
        assertTrue(text.contains("  access a[2*i] double strided 2 (gather)\n"), text);
        assertTrue(text.contains("  access a[2*i + 1] double strided 2 (gather)\n"), text);
    }

    @Test
    void theDiagonalStepsByAnInvariantKnownAtRunTime() throws AnalyzerException {
        String text = plan("diagonalTanh");
        assertTrue(text.contains("  access a[(step + 1)*i] double strided step + 1 (gather)\n"), text);
        assertTrue(text.contains("SIMD double x4, reduction +, gather, unroll 4, fastMath"), text);
    }

    @Test
    void aStepOfMinusTwoAndAStridedStore() throws AnalyzerException {
        assertTrue(plan("strideMinusTwo").contains("  access a[-2*i + last] float strided -2 (gather)\n"), plan("strideMinusTwo"));
        assertTrue(plan("strideTwoStore").contains("  access out[2*i + 1] float strided 2 (scatter), written\n"), plan("strideTwoStore"));
    }

    @Test
    void aReversedStoreUnderAConditionScattersWithItsMask() throws AnalyzerException {
        assertTrue(plan("reversedMasked").contains("  access out[-i + n - 1] long strided -1 (scatter), written\n"), plan("reversedMasked"));
    }

    @Test
    void evenAndOddElementsNeverMeet() throws AnalyzerException {
        String text = plan("evenFromOdd");
        assertTrue(text.contains("  access a[2*i] int strided 2 (scatter), written\n"), text);
        assertTrue(text.contains("  access a[2*i + 1] int strided 2 (gather)\n"), text);
    }

    @Test
    void interleavedStoresNeverMeetButStoresAStepApartDo() throws AnalyzerException {
        String text = plan("interleave");
        assertTrue(text.contains("  access out[2*i] float strided 2 (scatter), written\n"), text);
        assertTrue(text.contains("  access out[2*i + 1] float strided 2 (scatter), written\n"), text);
        assertTrue(plan("swapPairs").contains("  access a[2*i + 1] long strided 2 (gather, scatter), written\n"), plan("swapPairs"));
        LoopDecision d = decide("stridedStoresMeet");
        assertEquals(RefusalCode.CARRIED_DEPENDENCE, d.code(), d.summary());
    }

    @Test
    void stridedAndReversedPairsThatMeetAreRefused() throws AnalyzerException {
        for (String name : new String[] {"mirrorInPlace", "strideTwoCarried"}) {
            LoopDecision d = decide(name);
            assertFalse(d.rewritten(), name);
            assertEquals(RefusalCode.CARRIED_DEPENDENCE, d.code(), () -> name + ": " + d.summary());
        }
    }

    @Test
    void aScatterAtARunTimeStepIsRefused() throws AnalyzerException {
        LoopDecision d = decide("diagonalStore");
        assertFalse(d.rewritten());
        assertEquals(RefusalCode.GATHER_SCATTER, d.code());
        assertTrue(d.summary().contains("writes a[((i * step) + i)] with the step step + 1, known only at run time"), d.summary());
    }
}
