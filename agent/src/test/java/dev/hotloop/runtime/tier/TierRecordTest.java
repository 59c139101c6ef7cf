package dev.hotloop.runtime.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The line each decision prints says which form runs and why, with both figures. */
class TierRecordTest {

    private static final String SITE = "app.K.dot(float[],float[]) line 8";

    @Test
    void aSwitchedOnLoopSaysHowMuchFaster() {
        String line = new TierRecord(SITE, "SIMD float x16", true, 70, 450, 1000, 156_000_000L, null).line();
        assertEquals(SITE + ": SIMD float x16 runs from now: 6.43x faster than the original loop (0.07 us vs 0.45 us a call on "
                + "1000 iterations, both compiled; warm-up 156 ms)", line);
    }

    @Test
    void aSlowerFormIsKeptOutWithItsFigures() {
        String line = new TierRecord(SITE, "SIMD float x16", false, 3100, 960, 1000, 412_000_000L, null).line();
        assertTrue(line.startsWith(SITE + ": kept the original loop: SIMD float x16 measured 0.31x of its speed (3.10 us vs 0.96 us"), line);
        assertFalse(line.contains("disagreed"), line);
    }

    @Test
    void aFasterMedianWhoseRoundsDisagreedSaysSo() {
        String line = new TierRecord(SITE, "SIMD int/float x16, gather", false, 10417, 12096, 1_000_000, 2_424_000_000L, null).line();
        assertTrue(line.contains("measured 1.16x of its speed"), line);
        assertTrue(line.endsWith("; its rounds disagreed, so it could not be told apart from the original"), line);
    }

    @Test
    void anUnmeasuredLoopSaysWhy() {
        assertEquals(SITE + ": SIMD float x16 not measured: its inputs are too large; the original loop runs",
                TierRecord.unmeasured(SITE, "SIMD float x16", "its inputs are too large; the original loop runs").line());
    }
}
