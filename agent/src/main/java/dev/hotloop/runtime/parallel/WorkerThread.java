package dev.hotloop.runtime.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker of the shared pool: a daemon thread named {@code hotloop-parallel-N}. A parallel loop
 * started on one runs sequentially, which is how nesting is recognised.
 */
final class WorkerThread extends ForkJoinWorkerThread {

    private static final AtomicInteger COUNT = new AtomicInteger();

    WorkerThread(ForkJoinPool pool) {
        super(pool);
        setName("hotloop-parallel-" + COUNT.incrementAndGet());
        setDaemon(true);
    }
}
