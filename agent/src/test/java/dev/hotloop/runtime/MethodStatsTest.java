package dev.hotloop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MethodStatsTest {

    private static final double EPS = 1e-9;

    private static void calls(MethodStats s, int n) {
        for (int i = 0; i < n; i++) {
            s.exit(s.enter());
        }
    }

    @Test
    void neverCalled() {
        MethodStats.Snapshot s = new MethodStats("k").snapshot();
        assertEquals(0, s.calls());
        assertEquals(-1, s.firstCallNanos());
        assertEquals(-1, s.steadyNanosPerCall(), EPS);
        assertEquals(0, s.totalNanos(), EPS);
    }

    @Test
    void firstCallIsRecordedWithItsDuration() {
        MethodStats stats = new MethodStats("k");
        long token = stats.enter();
        long until = System.nanoTime() + 2_000_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        stats.exit(token);
        MethodStats.Snapshot s = stats.snapshot();
        assertEquals(1, s.calls());
        assertTrue(s.firstCallNanos() >= 2_000_000, "first call took " + s.firstCallNanos());
        assertEquals(0, s.timed());
        assertEquals(-1, s.steadyNanosPerCall(), EPS, "one call has no steady state");
        assertEquals(s.firstCallNanos(), s.totalNanos(), EPS);
        assertEquals("k", stats.key());
    }

    @Test
    void warmUpCallsAreAllTimed() {
        MethodStats stats = new MethodStats("k");
        calls(stats, 1 + MethodStats.WARM_CALLS);
        MethodStats.Snapshot s = stats.snapshot();
        assertEquals(1 + MethodStats.WARM_CALLS, s.calls());
        assertEquals(MethodStats.WARM_CALLS, s.timed());
    }

    @Test
    void afterWarmUpAboutOneCallInSampleEveryIsTimed() {
        MethodStats stats = new MethodStats("k");
        calls(stats, 1 + MethodStats.WARM_CALLS);
        int later = 100 * MethodStats.SAMPLE_EVERY;
        int untimed = 0;
        for (int i = 0; i < later; i++) {
            long token = stats.enter();
            if (token == MethodStats.NOT_TIMED) {
                untimed++;
            }
            stats.exit(token);
        }
        MethodStats.Snapshot s = stats.snapshot();
        assertEquals(1 + MethodStats.WARM_CALLS + later, s.calls());
        long sampled = s.timed() - MethodStats.WARM_CALLS;
        assertEquals(later, sampled + untimed, "every later call is either sampled or not");
        // Binomial(6400, 1/64): mean 100, standard deviation 9.9; these bounds are 5 deviations out.
        assertTrue(sampled >= 50 && sampled <= 150, "sampled " + sampled);
    }

    @Test
    void timedTokensAreNeverTheUntimedMarker() {
        MethodStats stats = new MethodStats("k");
        for (int i = 0; i < MethodStats.WARM_CALLS; i++) {
            long token = stats.enter();
            assertNotEquals(MethodStats.NOT_TIMED, token);
            stats.exit(token);
        }
    }

    @Test
    void countsAreExactUnderConcurrentCalls() throws InterruptedException {
        MethodStats stats = new MethodStats("k");
        int threads = 4;
        int perThread = 100_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                calls(stats, perThread);
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        MethodStats.Snapshot s = stats.snapshot();
        assertEquals((long) threads * perThread, s.calls());
        assertTrue(s.firstCallNanos() >= 0);
        assertTrue(s.timed() > MethodStats.WARM_CALLS, "every call of the warm-up, then samples, were timed: " + s.timed());
        assertTrue(1 + s.timed() <= s.calls());
        assertTrue(s.steadyNanosPerCall() >= 0);
        assertTrue(s.totalNanos() >= s.firstCallNanos());
    }

    /** Calls until a call is timed (after the warm-up, one in {@value MethodStats#SAMPLE_EVERY}), which lasts {@code nanos}. */
    private static void timedCallLasting(MethodStats stats, long nanos) {
        long token;
        while ((token = stats.enter()) == MethodStats.NOT_TIMED) {
            stats.exit(token);
        }
        stats.exit(token - nanos);
    }

    /** Exits a call that lasted {@code nanos}, as far as the clock tells. */
    private static void callLasting(MethodStats stats, long nanos) {
        long token = stats.enter();
        assertNotEquals(MethodStats.NOT_TIMED, token);
        stats.exit(token - nanos);
    }

    @Test
    void steadyStateIsTheLatestCompleteWindowNotTheMean() {
        MethodStats stats = new MethodStats("k");
        callLasting(stats, 50_000_000);
        // Timed calls 1-511 as the interpreter runs them, 512-1023 as compiled code.
        for (int n = 1; n < 512; n++) {
            callLasting(stats, 1_000_000);
        }
        for (int n = 512; n < 1024; n++) {
            callLasting(stats, 1_000);
        }
        MethodStats.Snapshot s = stats.snapshot();
        assertEquals(1023, s.timed());
        assertEquals(512, s.steadyTimed(), "window 9: timed calls 512 to 1023");
        assertTrue(s.steadyNanosPerCall() >= 1_000 && s.steadyNanosPerCall() < 50_000,
                "steady " + s.steadyNanosPerCall() + " ns, not the mean of all calls (about 500 us)");
        assertTrue(s.firstCallNanos() >= 50_000_000);
    }

    @Test
    void theLatestCallsCountWithTheWindowBeforeUntilTheirsIsHalfFull() {
        MethodStats stats = new MethodStats("k");
        callLasting(stats, 1_000);
        for (int n = 1; n < 16; n++) {
            callLasting(stats, 1_000_000);
        }
        // Window 4 (timed calls 16-31) has begun with fast calls: with window 3 (8-15) until half full.
        for (int n = 16; n < 20; n++) {
            callLasting(stats, 1_000);
        }
        MethodStats.Snapshot s = stats.snapshot();
        assertEquals(12, s.steadyTimed(), "timed calls 8 to 19");
        assertEquals((8 * 1_000_000.0 + 4 * 1_000) / 12, s.steadyNanosPerCall(), 8 * 1_000.0);
        for (int n = 20; n < 24; n++) {
            callLasting(stats, 1_000);
        }
        s = stats.snapshot();
        assertEquals(8, s.steadyTimed(), "window 4 half full: timed calls 16 to 23 alone");
        assertTrue(s.steadyNanosPerCall() < 5_000, "steady " + s.steadyNanosPerCall());
    }

    /** A tier switch late in a run: the report follows it, where a complete window alone would lag. */
    @Test
    void aLateSwitchShowsInTheSteadyTime() {
        MethodStats stats = new MethodStats("k");
        callLasting(stats, 1_000);
        for (int n = 1; n < 1536; n++) {
            timedCallLasting(stats, n < 1100 ? 100_000 : 1_000);
        }
        MethodStats.Snapshot s = stats.snapshot();
        // From timed call 1024 on, sampled calls have windows of their own: 1535 is alone in its
        // window (sampled 512 to 1023), so the one before (sampled 256 to 511) counts with it.
        assertEquals(257, s.steadyTimed(), "timed calls 1279 to 1535");
        assertTrue(s.steadyNanosPerCall() < 20_000, "steady " + s.steadyNanosPerCall());
    }

    @Test
    void sampledCallsHaveWindowsOfTheirOwn() {
        assertEquals(0, MethodStats.window(1));
        assertEquals(9, MethodStats.window(MethodStats.WARM_CALLS - 1));
        assertEquals(10, MethodStats.window(MethodStats.WARM_CALLS));
        assertEquals(11, MethodStats.window(MethodStats.WARM_CALLS + 1));
        assertEquals(11, MethodStats.window(MethodStats.WARM_CALLS + 2));
        assertEquals(12, MethodStats.window(MethodStats.WARM_CALLS + 3));
    }

    @Test
    void theTimersOwnCostIsTakenOff() {
        long timer = MethodStats.timerNanos();
        assertTrue(timer >= 0 && timer < 10_000, "a nanoTime() read costs " + timer + " ns");
        MethodStats stats = new MethodStats("k");
        for (int n = 0; n < 16; n++) {
            callLasting(stats, 5_000);
        }
        MethodStats.Snapshot raw = stats.snapshot(0);
        MethodStats.Snapshot net = stats.snapshot(100);
        assertEquals(raw.steadyNanosPerCall() - 100, net.steadyNanosPerCall(), 1e-9);
        assertEquals(raw.firstCallNanos() - 100, net.firstCallNanos());
        assertEquals(raw.timedNanos() - 100 * raw.timed(), net.timedNanos());
    }

    @Test
    void beforeAWindowOfEightTheMeanOfTimedCallsStandsIn() {
        MethodStats.Snapshot s = new MethodStats.Snapshot(11, 500, 1_000, 10, 0, 0);
        assertEquals(100, s.steadyNanosPerCall(), EPS);
        assertEquals(500 + 1_000, s.totalNanos(), EPS);
    }

    @Test
    void untimedCallsCountAtTheSteadyTime() {
        MethodStats.Snapshot s = new MethodStats.Snapshot(2_000, 500, 10_240, 1_032, 51_200, 512);
        assertEquals(100, s.steadyNanosPerCall(), EPS);
        long untimed = 2_000 - 1 - 1_032;
        assertEquals(500 + 10_240 + untimed * 100.0, s.totalNanos(), EPS);
    }

    @Test
    void totalIsZeroUntilAFirstCallCompletes() {
        assertEquals(0, new MethodStats.Snapshot(3, -1, 0, 0, 0, 0).totalNanos(), EPS);
        assertEquals(-1, new MethodStats.Snapshot(1, 700, 0, 0, 0, 0).steadyNanosPerCall(), EPS);
        assertEquals(700, new MethodStats.Snapshot(1, 700, 0, 0, 0, 0).totalNanos(), EPS);
    }
}
