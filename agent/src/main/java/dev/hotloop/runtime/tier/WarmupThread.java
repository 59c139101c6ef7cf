package dev.hotloop.runtime.tier;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one daemon thread that measures loops, one after another, started at the first measurement.
 * It runs at the lowest priority the platform gives it; its work per loop is bounded by
 * {@link Tiers#budget}.
 */
final class WarmupThread extends Thread {

    private static final LinkedBlockingQueue<Trial> QUEUE = new LinkedBlockingQueue<>();
    private static WarmupThread thread;

    private WarmupThread() {
        // no inherited thread locals, and no context loader kept reachable from the caller
        super(null, null, "hotloop-warmup", 0, false);
        setContextClassLoader(null);
        setDaemon(true);
        setPriority(Thread.MIN_PRIORITY);
    }

    static synchronized void submit(Trial t) {
        QUEUE.add(t);
        if (thread == null) {
            thread = new WarmupThread();
            thread.start();
        }
    }

    @Override
    public void run() {
        while (true) {
            Trial t;
            try {
                t = QUEUE.take();
            } catch (InterruptedException e) {
                continue; // a daemon that lives as long as the JVM
            }
            t.run();
        }
    }
}
