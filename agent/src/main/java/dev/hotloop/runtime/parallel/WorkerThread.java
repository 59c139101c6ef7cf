package dev.hotloop.runtime.parallel;

import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker of the shared pool: a daemon thread named {@code hotloop-parallel-N}. A parallel loop
 * started on one runs sequentially, which is how nesting is recognised.
 *
 * <p>The pool creates a worker on the thread that submits work, the caller of a parallel loop. A
 * thread would keep that caller's context class loader and, up to JDK 23, an access-control
 * context holding the protection domains (and so the class loaders) of the classes on the
 * caller's stack: a discarded application loader (a redeployed web app, a test's loader) would
 * stay reachable for the life of the worker. {@link #create} gives every worker the system class
 * loader and no caller frames instead.
 */
final class WorkerThread extends ForkJoinWorkerThread {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private WorkerThread(ForkJoinPool pool) {
        super(pool);
        setName("hotloop-parallel-" + COUNT.incrementAndGet());
        setDaemon(true);
        setContextClassLoader(ClassLoader.getSystemClassLoader());
    }

    /**
     * The pool's thread factory.
     *
     * @param pool the pool that asks for a worker
     * @return a worker that holds nothing of the thread that asked
     */
    @SuppressWarnings("removal") // AccessController does nothing from JDK 24 on, where it is still present
    static WorkerThread create(ForkJoinPool pool) {
        // A privileged frame ends the access-control context the new thread inherits here.
        return AccessController.doPrivileged((PrivilegedAction<WorkerThread>) () -> new WorkerThread(pool));
    }
}
