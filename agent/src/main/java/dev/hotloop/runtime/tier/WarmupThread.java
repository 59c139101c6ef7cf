package dev.hotloop.runtime.tier;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one daemon thread that measures loops, one after another, started at the first measurement;
 * it also runs what a loop's decision sets off ({@link Tiers#onOriginal}).
 * It runs at the lowest priority the platform gives it; its work per loop is bounded by
 * {@link Tiers#budget}.
 */
final class WarmupThread extends Thread {

    private static final LinkedBlockingQueue<Runnable> QUEUE = new LinkedBlockingQueue<>();
    /** Tasks queued or running. */
    private static final AtomicInteger PENDING = new AtomicInteger();
    private static WarmupThread thread;

    private WarmupThread() {
        // no inherited thread locals, and no context loader kept reachable from the caller
        super(null, null, "hotloop-warmup", 0, false);
        setContextClassLoader(null);
        setDaemon(true);
        setPriority(Thread.MIN_PRIORITY);
    }

    static synchronized void submit(Runnable t) {
        PENDING.incrementAndGet();
        QUEUE.add(t);
        if (thread == null) {
            thread = new WarmupThread();
            thread.start();
        }
    }

    @Override
    public void run() {
        while (true) {
            Runnable t;
            try {
                t = QUEUE.take();
            } catch (InterruptedException e) {
                continue; // a daemon that lives as long as the JVM
            }
            try {
                t.run();
            } catch (RuntimeException | LinkageError e) {
                // a listener's failure is its own to report; the thread serves the next loop
            } finally {
                PENDING.decrementAndGet();
            }
        }
    }

    /** @return whether no trial is queued or running, after waiting at most {@code nanos} */
    static boolean awaitIdle(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (PENDING.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
