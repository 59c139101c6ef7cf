package dev.hotloop.agent.vector;

import static dev.hotloop.agent.vector.Plans.decide;
import static dev.hotloop.agent.vector.Plans.plan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.targets.vector.BooleanKernels;
import dev.hotloop.agent.targets.vector.CharKernels;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * {@code char[]} and {@code boolean[]} accesses in the plan: each access prints its element type,
 * a char read is zero-extended where it becomes an int, and a char copied to a char is not.
 */
class CharBooleanPlanTest {

    @Test
    void aCharAccessPrintsItsTypeAndACopyNeedsNoExtension() throws AnalyzerException {
        String text = plan(CharKernels.class, "charCopy");
        assertTrue(text.contains("  access s[i] char contiguous\n"), text);
        assertTrue(text.contains("  access out[i] char contiguous, written\n"), text);
        assertFalse(text.contains("65535"), text);
    }

    @Test
    void aCharInIntArithmeticIsZeroExtended() throws AnalyzerException {
        String text = plan(CharKernels.class, "charWiden");
        assertTrue(text.contains("65535"), text);
    }

    @Test
    void aBooleanAccessPrintsItsType() throws AnalyzerException {
        String text = plan(BooleanKernels.class, "maskedSum");
        assertTrue(text.contains("  access flags[i] boolean contiguous\n"), text);
    }

    /**
     * {@code if (flags[i] && a[i] > 0) count++}: each {@code &&} is a branch of its own, so the
     * count is a select inside a select; the reduction's mask is both conditions, once.
     */
    @Test
    void aCountUnderAConjunctionIsAMaskedSum() throws AnalyzerException {
        String text = plan(BooleanKernels.class, "countBoth");
        assertTrue(text.contains("  access flags[i] boolean contiguous\n"), text);
        assertTrue(text.contains("reduction +"), text);
    }

    /**
     * A flag is raised after its chunk: another boolean[] the loop writes may be the flag's array,
     * so the plan guards that it is not (the fuzzer's ALIAS inputs pass one array for both).
     */
    @Test
    void aFlagIsGuardedAgainstTheOtherBooleanArrays() throws AnalyzerException {
        String text = plan(BooleanKernels.class, "flagAndOtherFlags");
        assertTrue(text.contains("flags is not other") || text.contains("other is not flags"), text);
    }

    /** A flag in the array the loop also reads would be raised too late for the read: refused. */
    @Test
    void aFlagInAnArrayTheLoopReadsIsRefused() throws AnalyzerException {
        LoopDecision d = decide(BooleanKernels.class, "flagThenRead");
        assertFalse(d.rewritten(), d::summary);
        assertTrue(d.summary().contains("sets flags[0] = true (a flag) and reads the same array"), d.summary());
    }
}
