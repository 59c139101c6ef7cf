package dev.hotloop.agent.cache;

import java.util.ArrayDeque;

/**
 * Writes cache entries on a thread of its own, so that a class's loading thread hands its entry
 * over and defines the class at once: encoding the entry, writing a temporary file and renaming it
 * cost the first class of a cold JVM some 6 ms of interpreted I/O code. One daemon thread, started
 * at the first entry, writes the entries in order; {@link #drain} waits for them (the agent's exit
 * hook does, briefly, so that a short run still leaves its entries for the next one). An entry
 * lost to a JVM killed mid-write costs only the next run a rewrite: entries appear by atomic
 * rename or not at all.
 */
public final class CacheWriter {

    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;
    private int inFlight;

    /**
     * @param pending builds one entry and writes it ({@link ClassCache#put}), from results that no
     *                longer change; runs after those already handed over, and says its own failures
     */
    public synchronized void put(Runnable pending) {
        queue.add(pending);
        if (!running) {
            running = true;
            Thread t = new Thread(null, new Drainer(), "hotloop-cache-writer", 0, false);
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * @param timeoutMillis the longest to wait
     * @return whether every entry handed over so far has been written (or failed)
     */
    public synchronized boolean drain(long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!queue.isEmpty() || inFlight > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private synchronized Runnable next() {
        Runnable p = queue.poll();
        if (p == null) {
            running = false;
            notifyAll();
        } else {
            inFlight++;
        }
        return p;
    }

    private synchronized void done() {
        inFlight--;
        notifyAll();
    }

    /** The writer's loop: until the queue is empty; the next entry starts a new one. Not a lambda (see vector.Walk). */
    private final class Drainer implements Runnable {
        @Override
        public void run() {
            for (Runnable p = next(); p != null; p = next()) {
                try {
                    p.run();
                } catch (RuntimeException | LinkageError | OutOfMemoryError | StackOverflowError e) {
                    // an entry that cannot be written is only a rewrite more in the next run; the
                    // writer goes on with the others
                } finally {
                    done();
                }
            }
        }
    }
}
