package dev.hotloop.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime under load (issue 5, concurrency): many callers at once, failures in several chunks
 * at once, interrupts, nesting from workers, and the pool resized while loops run. Every test runs
 * under a deadline, so a deadlock fails it instead of hanging the build; each checks that no
 * result is lost, that no chunk outlives its call, and that no thread is left behind.
 * {@link ParallelLoopTest} holds the single-caller behaviour.
 */
class ParallelLoopStressTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int CALLERS = 8;

    @AfterEach
    void restore() {
        ParallelLoop.configure(Runtime.getRuntime().availableProcessors(), false);
    }

    @Test
    void anInterruptedCallerWaitsWithoutSpinningAndKeepsItsInterrupt() {
        ParallelLoop.configure(2, false);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assertTimeoutPreemptively(DEADLINE, () -> {
            Thread caller = Thread.currentThread();
            AtomicBoolean helperStarted = new AtomicBoolean();
            AtomicInteger done = new AtomicInteger();
            long[] cpuBeforeWait = new long[1];
            ParallelLoop.run((c, lo, hi) -> {
                if (Thread.currentThread() == caller) {
                    long giveUp = System.nanoTime() + 10_000_000_000L;
                    while (!helperStarted.get() && System.nanoTime() < giveUp) {
                        Thread.onSpinWait();
                    }
                    caller.interrupt();
                    cpuBeforeWait[0] = mx.getCurrentThreadCpuTime();
                } else {
                    helperStarted.set(true);
                    sleepUninterruptibly(400);
                }
                done.incrementAndGet();
            }, 0, 2, 2, -1, "T.t");
            long waitCpu = mx.getCurrentThreadCpuTime() - cpuBeforeWait[0];
            assertTrue(Thread.interrupted(), "the caller's interrupt status is kept");
            assertTrue(helperStarted.get(), "a helper ran one chunk");
            assertEquals(2, done.get(), "both chunks finished before the call returned");
            assertTrue(waitCpu < 100_000_000L, "the interrupted caller burnt " + waitCpu / 1_000_000 + " ms of CPU waiting");
        });
    }

    @Test
    void manyCallersWithChunksFailingAtOnceEachGetTheirOwnFirstFailure() {
        ParallelLoop.configure(3, false);
        inCallers(caller -> {
            for (int round = 0; round < 40; round++) {
                AtomicInteger active = new AtomicInteger();
                boolean[] finished = new boolean[64];
                String prefix = "caller " + caller + " round " + round + " chunk ";
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParallelLoop.run((c, lo, hi) -> {
                    active.incrementAndGet();
                    try {
                        if (c == 10 || c == 11 || c == 12 || c == 40) {
                            throw new IllegalStateException(prefix + c);
                        }
                        finished[c] = true;
                    } finally {
                        active.decrementAndGet();
                    }
                }, 0, 64, 64, -1, "T.t"));
                assertEquals(prefix + 10, e.getMessage());
                assertEquals(0, active.get(), "a chunk still runs after the call threw");
                for (int c = 0; c < 10; c++) {
                    assertTrue(finished[c], "chunk " + c + " below the failure finished");
                }
            }
        });
        assertNoThreadOfALivePoolBeyond(3);
    }

    @Test
    void nestedLoopsInWorkersUnderManyCallersLoseNoResultAndPassFailuresUp() {
        ParallelLoop.configure(2, false);
        inCallers(caller -> {
            for (int round = 0; round < 20; round++) {
                long[] outer = new long[16];
                ParallelLoop.run((c, lo, hi) -> {
                    long[] inner = new long[8];
                    ParallelLoop.run((c2, lo2, hi2) -> {
                        for (int i = lo2; i < hi2; i++) {
                            inner[c2] += i;
                        }
                    }, 0, 800, 8, -1, "T.inner");
                    outer[c] = Arrays.stream(inner).sum();
                }, 0, 16, 16, -1, "T.outer");
                for (long s : outer) {
                    assertEquals(319_600, s);
                }
                int failAt = round % 8;
                ArithmeticException e = assertThrows(ArithmeticException.class, () -> ParallelLoop.run((c, lo, hi) ->
                        ParallelLoop.run((c2, lo2, hi2) -> {
                            if (c >= 3 && c2 == failAt) {
                                throw new ArithmeticException("outer " + c + " inner " + c2);
                            }
                        }, 0, 8, 8, -1, "T.inner"), 0, 16, 16, -1, "T.outer"));
                assertEquals("outer 3 inner " + failAt, e.getMessage());
            }
        });
        assertNoThreadOfALivePoolBeyond(2);
    }

    @Test
    void resizingThePoolWhileLoopsRunLosesNothingAndLeaksNoThread() throws Exception {
        ParallelLoop.configure(2, false);
        AtomicBoolean stop = new AtomicBoolean();
        Thread resizer = new Thread(() -> {
            for (int k = 0; !stop.get(); k++) {
                ParallelLoop.configure(2 + k % 2, false);
                Thread.yield();
            }
        }, "resizer");
        resizer.start();
        try {
            inCallers(caller -> {
                for (int round = 0; round < 100; round++) {
                    long[] parts = new long[ParallelLoop.chunks(0, 10_000, 100)];
                    ParallelLoop.run((c, lo, hi) -> {
                        for (int i = lo; i < hi; i++) {
                            parts[c] += i;
                        }
                    }, 0, 10_000, parts.length, -1, "T.t");
                    assertEquals(49_995_000L, Arrays.stream(parts).sum(), "round " + round);
                }
            });
        } finally {
            stop.set(true);
            resizer.join();
        }
        ParallelLoop.configure(3, false);
        assertNoThreadOfALivePoolBeyond(3);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (workersOfShutDownPools() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, workersOfShutDownPools(), "workers of replaced pools still alive");
    }

    /** Runs {@code body} on {@link #CALLERS} threads at once, under the deadline; rethrows the first failure. */
    private static void inCallers(CallerBody body) {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        assertTimeoutPreemptively(DEADLINE, () -> {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < CALLERS; t++) {
                int caller = t;
                Thread thread = new Thread(() -> {
                    try {
                        body.run(caller);
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "caller-" + t);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }, () -> "deadlock? hotloop threads: " + hotloopThreads());
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " callers failed; first: " + failures.get(0), failures.get(0));
        }
    }

    private interface CallerBody {
        void run(int caller) throws Throwable;
    }

    private static void assertNoThreadOfALivePoolBeyond(int size) {
        long live = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t instanceof WorkerThread w && t.isAlive() && !w.getPool().isShutdown())
                .count();
        assertTrue(live <= size, live + " workers for a pool of " + size);
        Thread.getAllStackTraces().keySet().stream().filter(t -> t instanceof WorkerThread)
                .forEach(t -> assertTrue(t.isDaemon(), t.getName() + " is not a daemon"));
    }

    private static long workersOfShutDownPools() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t instanceof WorkerThread w && t.isAlive() && w.getPool().isShutdown())
                .count();
    }

    private static String hotloopThreads() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t instanceof WorkerThread || t.getName().startsWith("caller-")) {
                b.append('\n').append(t.getName()).append(' ').append(t.getState());
                for (StackTraceElement e : stack) {
                    b.append("\n    at ").append(e);
                }
            }
        });
        return b.toString();
    }

    private static void sleepUninterruptibly(long ms) {
        long end = System.nanoTime() + ms * 1_000_000L;
        boolean interrupted = false;
        for (long left = ms; left > 0; left = (end - System.nanoTime()) / 1_000_000L) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
