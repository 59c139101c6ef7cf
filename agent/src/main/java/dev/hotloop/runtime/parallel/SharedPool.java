package dev.hotloop.runtime.parallel;

import java.util.concurrent.ForkJoinPool;

/**
 * The process-wide pool that runs parallel loops' chunks, created at the first loop that needs a
 * helper. Its size is the agent option {@code threads}, all cores by default. Not the JDK's common
 * pool: that one has one worker fewer than there are cores, because it expects the submitting
 * thread to help, and it is shared with every parallel stream of the program.
 */
final class SharedPool {

    private static volatile int size = Runtime.getRuntime().availableProcessors();
    private static volatile ForkJoinPool pool;

    private SharedPool() {
    }

    /** @return the number of workers the pool has, or will have once created */
    static int size() {
        return size;
    }

    /** @return the pool, created on first use */
    static ForkJoinPool get() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (SharedPool.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(size, WorkerThread::create, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * @param threads the new number of workers, at least 1; a pool of another size is shut down
     *                (its running chunks finish) and a new one is created at next use
     */
    static void resize(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        synchronized (SharedPool.class) {
            if (threads != size) {
                size = threads;
                ForkJoinPool old = pool;
                pool = null;
                if (old != null) {
                    old.shutdown();
                }
            }
        }
    }
}
