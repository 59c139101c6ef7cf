package dev.hotloop.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The measured choice between the pool and a sequential run, alone and through {@link ParallelLoop#run}. */
class ParallelChoiceTest {

    @AfterEach
    void reset() {
        ParallelChoice.configure(false, null);
        ParallelChoice.reset();
        ParallelLoop.configure(Runtime.getRuntime().availableProcessors(), false);
    }

    /** Runs the loop as {@link ParallelLoop#run} would, with made-up times, until it is settled or {@code limit} runs. */
    private static int settle(ParallelChoice c, long iterations, long sequentialNanos, long parallelNanos, int limit) {
        for (int run = 1; run <= limit; run++) {
            boolean seq = c.sequential(iterations);
            c.record(seq, iterations, seq ? sequentialNanos : parallelNanos, 2);
            if (!ParallelChoice.records().isEmpty()) {
                return run;
            }
        }
        return -1;
    }

    @Test
    void withoutMeasuringThereIsNoChoice() {
        assertNull(ParallelChoice.at("T.t line 1"));
    }

    @Test
    void aLoopFasterSequentiallyRunsSequentiallyOnceMeasured() {
        ParallelChoice.configure(true, null);
        ParallelChoice c = ParallelChoice.at("T.t line 1");
        int runs = settle(c, 1_000, 2_000, 30_000, 1_000);
        assertEquals(ParallelChoice.WARM_RUNS + 2 * ParallelChoice.SAMPLES, runs,
                "parallel runs warm the chunk method up, then the two ways alternate");
        ParallelRecord r = ParallelChoice.records().get(0);
        assertTrue(r.sequential());
        assertEquals(2.0, r.sequentialNanos(), 1e-9, "per iteration");
        assertEquals(30.0, r.parallelNanos(), 1e-9);
        assertTrue(r.line().contains("runs sequentially from now") && r.line().contains("0.07x"), r.line());
        assertTrue(c.sequential(1_000));
        assertTrue(c.sequential(ParallelChoice.GROWTH * 1_000));
        assertFalse(c.sequential(ParallelChoice.GROWTH * 1_000 + 1), "a much longer range goes back to the pool");
    }

    @Test
    void aLoopFasterInParallelStaysOnThePool() {
        ParallelChoice.configure(true, null);
        ParallelChoice c = ParallelChoice.at("T.t line 1");
        settle(c, 10_000, 200_000, 110_000, 1_000);
        ParallelRecord r = ParallelChoice.records().get(0);
        assertFalse(r.sequential());
        assertEquals(200.0 / 110.0, r.speedup(), 1e-9);
        assertFalse(c.sequential(10_000));
    }

    @Test
    void parallelMustWinByTheMargin() {
        ParallelChoice.configure(true, null);
        ParallelChoice c = ParallelChoice.at("T.t line 1");
        settle(c, 1_000, 100_000, 97_000, 1_000);
        assertTrue(ParallelChoice.records().get(0).sequential(), "3 % faster on two threads is not worth a second core");
    }

    @Test
    void longParallelRunsSettleWithoutASequentialTrial() {
        ParallelChoice.configure(true, null);
        ParallelChoice c = ParallelChoice.at("T.t line 1");
        for (int run = 0; run < ParallelChoice.WARM_RUNS; run++) {
            assertFalse(c.sequential(1 << 20), "run " + run + " is parallel");
            c.record(false, 1 << 20, run < 8 ? 30_000 : 2 * ParallelChoice.SHORT_NANOS, 2);
        }
        ParallelRecord r = ParallelChoice.records().get(0);
        assertFalse(r.sequential());
        assertNotNull(r.reason());
        for (int i = 0; i < 10; i++) {
            assertFalse(c.sequential(1 << 20));
        }
    }

    @Test
    void oneSlowRunAmongShortOnesDecidesNothing() {
        ParallelChoice.configure(true, null);
        ParallelChoice c = ParallelChoice.at("T.t line 1");
        for (int run = 0; run < ParallelChoice.WARM_RUNS; run++) {
            c.sequential(1_000);
            c.record(false, 1_000, run == 20 ? 50 * ParallelChoice.SHORT_NANOS : 20_000, 2);
        }
        assertTrue(ParallelChoice.records().isEmpty(), "a busy machine's hiccup is no reason to settle");
        assertTrue(c.sequential(1_000), "the trials begin");
    }

    @Test
    void aTinyLoopThroughTheRuntimeFallsBackWithIdenticalResultsAndSaysSo() {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        ParallelLoop.configure(2, false);
        ParallelChoice.configure(true, new PrintStream(lines, true, StandardCharsets.UTF_8));
        int n = 64;
        long[] expected = new long[n];
        for (int i = 0; i < n; i++) {
            expected[i] = (long) i * i;
        }
        Set<Thread> threadsAfter = ConcurrentHashMap.newKeySet();
        boolean[] settled = {false};
        for (int call = 0; call < 2_000; call++) {
            long[] out = new long[n];
            boolean after = settled[0];
            ParallelLoop.run((chunk, lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    out[i] = (long) i * i;
                }
                if (after) {
                    threadsAfter.add(Thread.currentThread());
                }
            }, 0, n, ParallelLoop.chunks(0, n, 8), -1, "Tiny.square line 3");
            assertArrayEquals(expected, out, "call " + call);
            settled[0] = !ParallelLoop.decisions().isEmpty();
        }
        List<ParallelRecord> decisions = ParallelLoop.decisions();
        assertEquals(1, decisions.size());
        // 8 chunks of 8 multiplications: waking a worker costs far more than the work on any machine.
        assertTrue(decisions.get(0).sequential(), decisions.get(0).line());
        assertEquals(Set.of(Thread.currentThread()), threadsAfter, "once settled, only the caller runs chunks");
        String printed = lines.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("[hotloop] Tiny.square line 3: parallel loop runs sequentially from now"), printed);
    }
}
