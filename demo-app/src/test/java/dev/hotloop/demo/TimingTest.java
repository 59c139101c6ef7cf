package dev.hotloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimingTest {

    @Test
    void callsOncePlusWarmupsPlusRunsAndKeepsTheLastResult() {
        AtomicInteger calls = new AtomicInteger();
        Measurement<Integer> m = new Timing(4, 5).measure(calls::incrementAndGet);
        assertEquals(10, calls.get());
        assertEquals(10, m.result());
        assertTrue(m.firstNanos() >= 0 && m.steadyNanos() >= 0);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, Timing.median(new long[] {5, 1, 3}));
        assertEquals(25, Timing.median(new long[] {40, 10, 20, 30}));
        assertEquals(7, Timing.median(new long[] {7}));
    }

    @Test
    void rejectsBadCounts() {
        assertThrows(IllegalArgumentException.class, () -> new Timing(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Timing(0, 0));
    }
}
