package dev.hotloop.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runtime alone: chunking, workers, failures, nesting, progress, threads. */
class ParallelLoopTest {

    @AfterEach
    void restore() {
        ParallelLoop.configure(Runtime.getRuntime().availableProcessors(), false);
        Progress.printTo(System.err, 1_000_000_000L);
    }

    @Test
    void chunkCountDependsOnRangeAndGrainOnly() {
        assertEquals(1, ParallelLoop.chunks(0, 0, 1));
        assertEquals(1, ParallelLoop.chunks(5, 3, 1), "an empty range is one chunk: the original loop");
        assertEquals(1, ParallelLoop.chunks(0, 100, 100));
        assertEquals(2, ParallelLoop.chunks(0, 101, 100));
        assertEquals(ParallelLoop.MAX_CHUNKS, ParallelLoop.chunks(0, 1 << 20, 1));
        assertEquals(ParallelLoop.MAX_CHUNKS, ParallelLoop.chunks(Integer.MIN_VALUE, Integer.MAX_VALUE, 1));
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(ints = {0, -7, Integer.MAX_VALUE - 1000})
    void everyIterationRunsExactlyOnce(int from) {
        int to = from + 1000;
        int chunks = ParallelLoop.chunks(from, to, 3);
        AtomicInteger[] seen = new AtomicInteger[1000];
        Arrays.setAll(seen, i -> new AtomicInteger());
        ParallelLoop.run((c, lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                seen[i - from].incrementAndGet();
            }
        }, from, to, chunks, -1, "T.t");
        for (AtomicInteger s : seen) {
            assertEquals(1, s.get());
        }
    }

    @Test
    void chunkBoundariesAreTheSameAtEveryThreadCount() {
        List<String> first = null;
        for (int threads : new int[] {1, 2, 3, 7}) {
            ParallelLoop.configure(threads, false);
            String[] bounds = new String[ParallelLoop.chunks(0, 10_000, 37)];
            ParallelLoop.run((c, lo, hi) -> bounds[c] = lo + ".." + hi, 0, 10_000, bounds.length, -1, "T.t");
            if (first == null) {
                first = List.of(bounds);
            }
            assertEquals(first, List.of(bounds), "threads=" + threads);
        }
    }

    @Test
    void twoWorkersRunAtOnceEvenOnTwoCores() throws Exception {
        ParallelLoop.configure(2, false);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ParallelLoop.run((c, lo, hi) -> {
            threads.add(Thread.currentThread());
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            sleep(20);
            inside.decrementAndGet();
        }, 0, 8, 8, -1, "T.t");
        assertEquals(2, most.get(), "two chunks at once");
        assertEquals(2, threads.size());
        assertTrue(threads.contains(Thread.currentThread()), "the caller takes chunks too");
    }

    @Test
    void threadsAttributeCapsTheWorkers() {
        ParallelLoop.configure(4, false);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        ParallelLoop.run((c, lo, hi) -> {
            threads.add(Thread.currentThread());
            sleep(5);
        }, 0, 16, 16, 1, "T.t");
        assertEquals(Set.of(Thread.currentThread()), threads);
    }

    @Test
    void theLowestFailingChunkWinsAndLowerChunksFinish() {
        ParallelLoop.configure(3, false);
        for (int round = 0; round < 50; round++) {
            boolean[] done = new boolean[64];
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParallelLoop.run((c, lo, hi) -> {
                if (c == 40 || c == 41 || c == 63) {
                    throw new IllegalStateException("chunk " + c);
                }
                done[c] = true;
            }, 0, 64, 64, -1, "T.t"));
            assertEquals("chunk 40", e.getMessage());
            for (int c = 0; c < 40; c++) {
                assertTrue(done[c], "chunk " + c + " below the failure finished");
            }
        }
    }

    @Test
    void theThrowableIsRethrownAsThrownCheckedOrNot() {
        Exception checked = new IOException("disk");
        Throwable t = assertThrows(IOException.class, () -> ParallelLoop.run((c, lo, hi) -> {
            if (c == 3) {
                throw Rethrow.<RuntimeException>unchecked(checked);
            }
        }, 0, 10, 10, -1, "T.t"));
        assertSame(checked, t);
        Error error = new StackOverflowError("deep");
        assertSame(error, assertThrows(StackOverflowError.class, () -> ParallelLoop.run((c, lo, hi) -> {
            throw error;
        }, 0, 10, 10, -1, "T.t")));
    }

    @Test
    void aFailureCancelsChunksNotYetStarted() {
        ParallelLoop.configure(2, false);
        AtomicInteger ran = new AtomicInteger();
        long start = System.nanoTime();
        assertThrows(IllegalStateException.class, () -> ParallelLoop.run((c, lo, hi) -> {
            ran.incrementAndGet();
            if (c == 0) {
                throw new IllegalStateException("first");
            }
            sleep(10);
        }, 0, 1000, 1000, -1, "T.t"));
        assertTrue(ran.get() < 20, "ran " + ran.get() + " of 1000 chunks after the first failed");
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
    }

    @Test
    void nestedLoopsRunOnTheThreadOfTheirChunk() {
        ParallelLoop.configure(2, false);
        AtomicInteger foreign = new AtomicInteger();
        AtomicInteger inner = new AtomicInteger();
        ParallelLoop.run((c, lo, hi) -> {
            Thread outer = Thread.currentThread();
            ParallelLoop.run((c2, lo2, hi2) -> {
                inner.incrementAndGet();
                if (Thread.currentThread() != outer) {
                    foreign.incrementAndGet();
                }
            }, 0, 8, 8, -1, "T.inner");
        }, 0, 8, 8, -1, "T.outer");
        assertEquals(64, inner.get());
        assertEquals(0, foreign.get());
    }

    @Test
    void aCallerFromAnotherPoolDoesNotDeadlock() throws Exception {
        ParallelLoop.configure(2, false);
        ForkJoinPool other = new ForkJoinPool(1);
        try {
            long s = other.submit(() -> {
                long[] parts = new long[10];
                ParallelLoop.run((c, lo, hi) -> parts[c] = hi - lo, 0, 100, 10, -1, "T.t");
                return Arrays.stream(parts).sum();
            }).get();
            assertEquals(100, s);
        } finally {
            other.shutdown();
        }
    }

    @Test
    void manyConcurrentCallersAndNoThreadLeak() throws Exception {
        ParallelLoop.configure(3, false);
        List<Thread> callers = new ArrayList<>();
        List<Throwable> errors = new LinkedList<>();
        for (int t = 0; t < 16; t++) {
            Thread caller = new Thread(() -> {
                for (int round = 0; round < 200; round++) {
                    long[] parts = new long[ParallelLoop.chunks(0, 1000, 10)];
                    ParallelLoop.run((c, lo, hi) -> {
                        for (int i = lo; i < hi; i++) {
                            parts[c] += i;
                        }
                    }, 0, 1000, parts.length, -1, "T.t");
                    if (Arrays.stream(parts).sum() != 499_500) {
                        synchronized (errors) {
                            errors.add(new AssertionError("wrong sum"));
                        }
                    }
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        assertEquals(List.of(), errors);
        long workers = Thread.getAllStackTraces().keySet().stream()
                .filter(th -> th.getName().startsWith("hotloop-parallel-") && th.isAlive() && th instanceof WorkerThread w
                        && !w.getPool().isShutdown())
                .count();
        assertTrue(workers <= 3, workers + " workers for a pool of 3");
        Thread.getAllStackTraces().keySet().stream().filter(th -> th instanceof WorkerThread)
                .forEach(th -> assertTrue(th.isDaemon(), th.getName() + " is not a daemon"));
    }

    @Test
    void progressLinesAtDebug() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress.printTo(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1_000_000L);
        ParallelLoop.configure(2, true);
        ParallelLoop.run((c, lo, hi) -> sleep(2), 0, 5000, 50, -1, "Foo.bar");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines.length >= 2, Arrays.toString(lines));
        for (String line : lines) {
            assertTrue(line.matches("\\[hotloop] Parallel\\(threads=2\\) Foo\\.bar: done \\d+ of 5000 iterations, elapsed \\d+\\.\\d s"),
                    line);
        }
        assertTrue(lines[lines.length - 1].contains("done 5000 of 5000"), lines[lines.length - 1]);
    }

    @Test
    void randomAccessListsOnly() {
        assertEquals(3, ParallelLoop.randomAccessSize(List.of(1, 2, 3)));
        assertEquals(-1, ParallelLoop.randomAccessSize(new LinkedList<>(List.of(1, 2, 3))));
        assertEquals(-1, ParallelLoop.randomAccessSize(Set.of(1)));
        assertArrayEquals(new int[] {-1}, new int[] {ParallelLoop.randomAccessSize(null)});
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
