package dev.hotloop.runtime.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The SIMD form switches on only when it is faster by the margin in the medians and in all rounds but one. */
class TrialDecisionTest {

    private static final double[] SCALAR = {100, 100, 100, 100, 100, 100, 100};

    @Test
    void clearlyFasterInEveryRoundSwitchesOn() {
        assertTrue(Trial.faster(new double[] {30, 31, 29, 30, 32, 30, 30}, SCALAR));
    }

    @Test
    void oneNoisyRoundIsForgiven() {
        assertTrue(Trial.faster(new double[] {30, 31, 120, 30, 32, 30, 30}, SCALAR));
    }

    @Test
    void roundsThatDisagreeKeepTheOriginalEvenWhenTheMedianWins() {
        // median 90 (0.90x of the time, past the margin), but three rounds slower
        assertFalse(Trial.faster(new double[] {80, 85, 90, 110, 120, 88, 130}, SCALAR));
    }

    @Test
    void withinTheMarginKeepsTheOriginal() {
        assertFalse(Trial.faster(new double[] {96, 96, 96, 96, 96, 96, 96}, SCALAR));
        assertTrue(Trial.faster(new double[] {95, 95, 95, 95, 95, 95, 95}, SCALAR), "exactly the margin switches on");
    }

    @Test
    void slowerKeepsTheOriginal() {
        assertFalse(Trial.faster(new double[] {300, 300, 300, 300, 300, 300, 300}, SCALAR));
    }

    @Test
    void longCallsWarmUpInFewerCallsButNeverFewerThanCompilationNeeds() {
        assertEquals(Trial.WARM_CALLS, Trial.warmCalls(1));
        assertEquals(Trial.WARM_CALLS, Trial.warmCalls(1_000));
        assertEquals(3_000, Trial.warmCalls(2_000));
        assertEquals(Trial.MIN_WARM_CALLS, Trial.warmCalls(10_000));
        assertEquals(Trial.MIN_WARM_CALLS, Trial.warmCalls(1_000_000));
    }
}
