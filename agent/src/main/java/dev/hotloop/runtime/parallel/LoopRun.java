package dev.hotloop.runtime.parallel;

import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One execution of a parallel loop. Threads claim chunks in index order from a shared counter, so
 * when chunk {@code k} fails every chunk below it has been claimed and runs to its end; the
 * failure then moves the counter past the last chunk, and chunks not yet claimed are skipped. The
 * caller waits until every chunk is finished or skipped, so no iteration outlives the call.
 */
final class LoopRun {

    /** Set on a caller thread while it runs chunks; pool workers are recognised by their class. */
    private static final ThreadLocal<Boolean> RUNNING = new ThreadLocal<>();
    private static final int SPINS = 1 << 10;

    private final ChunkBody body;
    private final int from;
    private final int to;
    private final int chunks;
    private final int size;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final Thread caller = Thread.currentThread();
    private final ClassLoader callerContext = caller.getContextClassLoader();
    private int failedChunk = Integer.MAX_VALUE;
    private Throwable failure;
    private Progress progress;

    LoopRun(ChunkBody body, int from, int to, int chunks, int size) {
        this.body = body;
        this.from = from;
        this.to = to;
        this.chunks = chunks;
        this.size = size;
    }

    /** @return whether the current thread already runs a parallel loop's chunk */
    static boolean nested() {
        return Thread.currentThread() instanceof WorkerThread || RUNNING.get() != null;
    }

    /** Runs every chunk on the calling thread, in order; a failure propagates as thrown. */
    void sequentially() {
        for (int k = 0; k < chunks; k++) {
            body.run(k, lower(k), upper(k));
        }
    }

    /**
     * Runs the chunks on the caller and {@code workers - 1} helpers of the shared pool.
     *
     * @param workers  threads to use, the caller included
     * @param progress where finished iterations are counted, or null
     */
    void inParallel(int workers, Progress progress) {
        this.progress = progress;
        try {
            for (int h = 1; h < workers; h++) {
                SharedPool.get().execute(new Helper(this));
            }
        } catch (RejectedExecutionException e) {
            // The pool was shut down by a resize between get() and execute(): the caller and
            // the helpers already submitted take the chunks.
        }
        RUNNING.set(Boolean.TRUE);
        try {
            work();
        } finally {
            RUNNING.remove();
        }
        awaitFinished();
        if (progress != null) {
            progress.end();
        }
        synchronized (this) {
            if (failure != null) {
                throw Rethrow.<RuntimeException>unchecked(failure);
            }
        }
    }

    private void work() {
        for (int k = next.getAndIncrement(); k < chunks; k = next.getAndIncrement()) {
            int lo = lower(k);
            int hi = upper(k);
            try {
                try {
                    body.run(k, lo, hi);
                } catch (Throwable t) {
                    fail(k, t);
                }
                if (progress != null) {
                    progress.done(hi - lo);
                }
            } finally {
                finish(1); // whatever happens, or the caller would wait forever
            }
        }
    }

    private void fail(int chunk, Throwable t) {
        synchronized (this) {
            if (chunk < failedChunk) {
                failedChunk = chunk;
                failure = t;
            }
        }
        int claimed;
        do {
            claimed = next.get();
        } while (claimed < chunks && !next.compareAndSet(claimed, chunks));
        if (claimed < chunks) {
            finish(chunks - claimed); // never run: counted as finished
        }
    }

    private void finish(int count) {
        if (finished.addAndGet(count) == chunks) {
            LockSupport.unpark(caller);
        }
    }

    /**
     * Waits for the chunks that helpers still run. An interrupt does not end the wait (the plain
     * loop would not stop either, and no iteration may outlive the call); the caller's interrupt
     * status is kept for the code after the loop. Without clearing it while parked, {@code park}
     * would return at once and the caller would spin on a core until the helpers finish.
     */
    private void awaitFinished() {
        boolean interrupted = false;
        for (int spin = 0; finished.get() < chunks; spin++) {
            if (spin < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private int lower(int chunk) {
        return (int) (from + (long) chunk * size);
    }

    private int upper(int chunk) {
        return (int) Math.min(to, from + (long) (chunk + 1) * size);
    }

    /** A pool task that takes chunks until none is left, with the caller's context class loader. */
    private static final class Helper extends RecursiveAction {

        private static final long serialVersionUID = 1L;

        private final transient LoopRun run;

        Helper(LoopRun run) {
            this.run = run;
        }

        @Override
        protected void compute() {
            Thread self = Thread.currentThread();
            ClassLoader own = self.getContextClassLoader();
            self.setContextClassLoader(run.callerContext);
            try {
                run.work();
            } finally {
                self.setContextClassLoader(own);
            }
        }
    }
}
