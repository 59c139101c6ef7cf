package dev.hotloop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MethodStatsTest {

    private static final double EPS = 1e-9;

    /** A method of its own in the JVM's registry. */
    private static int method() {
        return Timings.register("MethodStatsTest/" + UUID.randomUUID());
    }

    /** Calls as a rewritten method makes them: counted, and offered to the timer one in 16. */
    private static void calls(int id, int n) {
        for (int i = 0; i < n; i++) {
            long token = Timings.enter(id);
            if (token != MethodStats.NOT_TIMED) {
                Timings.exit(token, id);
            }
        }
    }

    @Test
    void neverCalled() {
        MethodStats.Snapshot s = Timings.stats(method()).snapshot();
        assertEquals(0, s.calls());
        assertEquals(-1, s.firstCallNanos());
        assertEquals(-1, s.steadyNanosPerCall(), EPS);
        assertEquals(0, s.totalNanos(), EPS);
    }

    @Test
    void firstCallIsRecordedWithItsDuration() {
        int id = method();
        long token = Timings.enter(id);
        assertNotEquals(MethodStats.NOT_TIMED, token, "the first call is always timed");
        long until = System.nanoTime() + 2_000_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        Timings.exit(token, id);
        MethodStats.Snapshot s = Timings.stats(id).snapshot();
        assertEquals(1, s.calls());
        assertTrue(s.firstCallNanos() >= 2_000_000, "first call took " + s.firstCallNanos());
        assertEquals(0, s.timed());
        assertEquals(-1, s.steadyNanosPerCall(), EPS, "one call has no steady state");
        assertEquals(s.firstCallNanos(), s.totalNanos(), EPS);
    }

    @Test
    void oneCallInSixteenIsTimedUpToTheDenseEndThenOneInSixtyFour() {
        int id = method();
        calls(id, MethodStats.DENSE_CALLS);
        MethodStats.Snapshot s = Timings.stats(id).snapshot();
        assertEquals(MethodStats.DENSE_CALLS, s.calls());
        assertEquals(MethodStats.DENSE_TIMED - 1, s.timed(), "calls 1, 17, 33, ..., 4081: the first and 255 after it");
        calls(id, 100 * MethodStats.SAMPLE_EVERY);
        s = Timings.stats(id).snapshot();
        assertEquals(MethodStats.DENSE_CALLS + 100 * MethodStats.SAMPLE_EVERY, s.calls());
        assertEquals(MethodStats.DENSE_TIMED - 1 + 100, s.timed(), "calls 4161, 4225, ...: one in 64");
    }

    @Test
    void onlyOfferedCallsAreTimedAndTheirTokensAreNeverTheUntimedMarker() {
        MethodStats stats = Timings.stats(method());
        for (long call = 1; call <= 3 * MethodStats.DENSE_CALLS; call++) {
            long k = call - 1;
            boolean expected = k % 16 == 0 && (call <= MethodStats.DENSE_CALLS || k % 64 == 0);
            long token = stats.start(call);
            assertEquals(expected, token != MethodStats.NOT_TIMED, "call " + call);
        }
    }

    @Test
    void aFirstCallThatThrowsHasNoTimeAndTheNextTimedCallIsNotTakenForIt() {
        int id = method();
        assertNotEquals(MethodStats.NOT_TIMED, Timings.enter(id), "the first call, timed, throws: no exit");
        for (int call = 2; call < 17; call++) {
            assertEquals(MethodStats.NOT_TIMED, Timings.enter(id));
        }
        long seventeenth = Timings.enter(id);
        assertNotEquals(MethodStats.NOT_TIMED, seventeenth);
        Timings.exit(seventeenth, id);
        MethodStats.Snapshot s = Timings.stats(id).snapshot();
        assertEquals(17, s.calls());
        assertEquals(-1, s.firstCallNanos());
        assertEquals(1, s.timed());
    }

    @Test
    void concurrentCallsAreCountedExactlyAndTimedConsistently() throws InterruptedException {
        int id = method();
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
                calls(id, perThread);
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        MethodStats.Snapshot s = Timings.stats(id).snapshot();
        // the owner counts on its own, the other threads atomically apart
        assertEquals((long) threads * perThread, s.calls());
        assertTrue(s.firstCallNanos() >= 0);
        assertTrue(1 + s.timed() <= s.calls(), s::toString);
        assertTrue(s.timed() >= MethodStats.DENSE_TIMED - 1, "the dense phase's calls, then samples: " + s.timed());
        assertTrue(s.steadyNanosPerCall() >= 0);
        assertTrue(s.totalNanos() >= s.firstCallNanos());
    }

    /** Exits a timed call after the first that lasted {@code nanos}, as far as the clock tells. */
    private static void callLasting(MethodStats stats, long nanos) {
        stats.exit(System.nanoTime() - nanos);
    }

    /** Makes the first call, which lasts at least {@code nanos}. */
    private static void firstCallLasting(MethodStats stats, long nanos) {
        long token = stats.start(1);
        long until = token + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        stats.exit(token);
    }

    @Test
    void steadyStateIsTheLatestCompleteWindowNotTheMean() {
        MethodStats stats = Timings.stats(method());
        firstCallLasting(stats, 50_000_000);
        // Timed calls 1-127 as the interpreter runs them, 128-255 as compiled code.
        for (int n = 1; n < 128; n++) {
            callLasting(stats, 1_000_000);
        }
        for (int n = 128; n < 256; n++) {
            callLasting(stats, 1_000);
        }
        MethodStats.Snapshot s = stats.snapshot(0); // the raw times: the timer's own cost is not taken off here
        assertEquals(255, s.timed());
        assertEquals(128, s.steadyTimed(), "window 7: timed calls 128 to 255");
        assertTrue(s.steadyNanosPerCall() >= 1_000 && s.steadyNanosPerCall() < 50_000,
                "steady " + s.steadyNanosPerCall() + " ns, not the mean of all calls (about 500 us)");
        assertTrue(s.firstCallNanos() >= 50_000_000);
    }

    @Test
    void theLatestCallsCountWithTheWindowBeforeUntilTheirsIsHalfFull() {
        MethodStats stats = Timings.stats(method());
        firstCallLasting(stats, 1_000);
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
        MethodStats stats = Timings.stats(method());
        firstCallLasting(stats, 1_000);
        for (int n = 1; n < 768; n++) {
            callLasting(stats, n < 300 ? 100_000 : 1_000);
        }
        MethodStats.Snapshot s = stats.snapshot();
        // From timed call 256 on, sampled calls have windows of their own: 767 is alone in its
        // window (sampled 512 to 1023), so the one before (sampled 256 to 511) counts with it.
        assertEquals(257, s.steadyTimed(), "timed calls 511 to 767");
        assertTrue(s.steadyNanosPerCall() < 20_000, "steady " + s.steadyNanosPerCall());
    }

    @Test
    void sampledCallsHaveWindowsOfTheirOwn() {
        assertEquals(0, MethodStats.window(1));
        assertEquals(7, MethodStats.window(MethodStats.DENSE_TIMED - 1));
        assertEquals(8, MethodStats.window(MethodStats.DENSE_TIMED));
        assertEquals(9, MethodStats.window(MethodStats.DENSE_TIMED + 1));
        assertEquals(9, MethodStats.window(MethodStats.DENSE_TIMED + 2));
        assertEquals(10, MethodStats.window(MethodStats.DENSE_TIMED + 3));
    }

    @Test
    void theTimersOwnCostIsTakenOff() {
        long timer = MethodStats.timerNanos();
        assertTrue(timer >= 0 && timer < 10_000, "a nanoTime() read costs " + timer + " ns");
        MethodStats stats = Timings.stats(method());
        firstCallLasting(stats, 5_000);
        for (int n = 1; n < 16; n++) {
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
