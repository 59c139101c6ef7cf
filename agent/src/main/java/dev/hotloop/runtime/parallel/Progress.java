package dev.hotloop.runtime.parallel;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Joblib-style progress of one long parallel loop, at {@code log=debug}: at most one line a
 * second while it runs, and a last one when it ends if it printed any,
 * {@code [hotloop] Parallel(threads=2) Foo.bar: done 1200 of 5000 iterations, elapsed 1.4 s}.
 */
final class Progress {

    private static volatile boolean enabled;
    private static volatile PrintStream out = System.err;
    private static volatile long intervalNanos = 1_000_000_000L;

    private final String site;
    private final int threads;
    private final long total;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong nextLine;
    private volatile boolean printed;

    private Progress(String site, int threads, long total) {
        this.site = site;
        this.threads = threads;
        this.total = total;
        this.nextLine = new AtomicLong(start + intervalNanos);
    }

    static void enable(boolean on) {
        enabled = on;
    }

    /**
     * For tests: where lines go and how often.
     *
     * @param stream   the stream lines are printed to
     * @param interval nanoseconds between lines
     */
    static void printTo(PrintStream stream, long interval) {
        out = stream;
        intervalNanos = interval;
    }

    /** @return a progress counter for a loop that starts now, or null when progress is off */
    static Progress start(String site, int threads, long total) {
        return enabled ? new Progress(site, threads, total) : null;
    }

    /** @param iterations how many iterations a chunk just finished */
    void done(int iterations) {
        long d = done.addAndGet(iterations);
        long now = System.nanoTime();
        long due = nextLine.get();
        if (now >= due && nextLine.compareAndSet(due, now + intervalNanos)) {
            print(d, now);
        }
    }

    /** Prints the closing line of a loop that printed progress. */
    void end() {
        if (printed) {
            print(done.get(), System.nanoTime());
        }
    }

    private void print(long d, long now) {
        printed = true;
        out.println(String.format(Locale.ROOT, "[hotloop] Parallel(threads=%d) %s: done %d of %d iterations, elapsed %.1f s",
                threads, site, d, total, (now - start) / 1e9));
    }
}
