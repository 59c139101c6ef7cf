package dev.hotloop.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Timings of one annotated method, from the calls its rewritten code offers the timer: the first
 * call, which includes class initialisation, interpretation and JIT compilation of the callees,
 * then one call in {@value Timings#SAMPLE_EVERY} up to call {@value #DENSE_CALLS}, and one in
 * {@value #SAMPLE_EVERY} after that. The calls themselves are counted by the rewritten method, in
 * {@link Timings#calls} on the thread that called it first, and here, atomically, on any other; a
 * call that is not timed costs the method its counter and nothing else.
 *
 * <p>The steady state is the time after the JIT compiled the code that runs, which is late in a
 * run, not its average: timed calls after the first fall into windows that double in length
 * (timed call 1, 2-3, 4-7, ..., 2^k to 2^(k+1) - 1), and the steady time per call is the mean of
 * the latest third to two thirds of the timed calls, ending at the latest (the latest window when
 * it is half full, else with the one before), at least {@value #MIN_WINDOW} calls: the
 * interpreted and C1-compiled calls of the first half (and a tier switch from the original loop
 * to its SIMD form) fall out of it as the run grows. Reports take what the timer itself adds to a
 * timed call off ({@link #timerNanos()}).
 *
 * <p>Timed calls are few (one in 16, then one in 64), so their sums are kept under this object's
 * lock, which no other code takes: cheaper on a JVM's first calls than the atomic arrays' first
 * use (1.2 ms of a cold JVM for {@code AtomicLongArray}); any thread may time a call.
 */
public final class MethodStats {

    /** Token of a call that is not timed. */
    public static final long NOT_TIMED = 0;

    /** Up to this call, every call offered to the timer (one in {@value Timings#SAMPLE_EVERY}) is timed. */
    static final int DENSE_CALLS = 4096;
    /** After {@link #DENSE_CALLS}, one call in this many is timed; a power of two, a multiple of {@link Timings#SAMPLE_EVERY}. */
    static final int SAMPLE_EVERY = 64;
    /** The timed calls up to {@link #DENSE_CALLS}: their windows come first. */
    static final int DENSE_TIMED = DENSE_CALLS / Timings.SAMPLE_EVERY;
    /** The shortest window the steady state is read from. */
    static final int MIN_WINDOW = 8;

    private final String key;
    private final int id;
    /** Timed calls that returned, the first call excepted. Guarded by this. */
    private long timedExits;
    /** The first call's token: its exit is the first call's time, whichever thread makes it. */
    private volatile long firstToken = NOT_TIMED;
    /** Nanoseconds of the timed calls after the first, by window: index k holds timed calls 2^k to 2^(k+1) - 1. */
    private final long[] windowNanos = new long[Long.SIZE];
    private volatile long firstCallNanos = -1;
    /** Calls on threads other than the owner ({@link Timings#enterShared}); its own object, apart from the owner's counter. */
    private final AtomicLong sharedCalls = new AtomicLong();

    MethodStats(String key, int id) {
        this.key = key;
        this.id = id;
    }

    /**
     * @param call the call's number (1 for the first), from the method's counter
     * @return a token for {@link #exit}, or {@link #NOT_TIMED} for a call that is not timed
     */
    long start(long call) {
        if (!timed(call)) {
            return NOT_TIMED;
        }
        long t = now();
        if (call == 1) {
            firstToken = t;
        }
        return t;
    }

    /** @return whether the call of this number (1 for the first) is timed */
    private static boolean timed(long call) {
        long k = call - 1;
        return (k & (Timings.SAMPLE_EVERY - 1)) == 0 && (call <= DENSE_CALLS || (k & (SAMPLE_EVERY - 1)) == 0);
    }

    /** @return a token for a call on a thread other than the owner, or {@link #NOT_TIMED} */
    long enterShared() {
        return timed(sharedCalls.incrementAndGet()) ? now() : NOT_TIMED; // never the method's first call: the owner made it
    }

    void exit(long token) {
        if (token == NOT_TIMED) {
            return;
        }
        long elapsed = System.nanoTime() - token;
        if (token == firstToken && firstCallNanos < 0) {
            firstCallNanos = elapsed; // a first call that threw has no time: it never gets here
            return;
        }
        synchronized (this) { // one call in 16 or 64: a lock nobody else holds costs less than atomics' first use
            windowNanos[window(++timedExits)] += elapsed;
        }
    }

    private static long now() {
        long t = System.nanoTime();
        return t == NOT_TIMED ? t + 1 : t;
    }

    /** @return the key the method was registered under */
    public String key() {
        return key;
    }

    /** Windows of the dense phase's timed calls 1 to {@value #DENSE_TIMED} - 1: 1, 2-3, ..., 128-255. */
    private static final int DENSE_WINDOWS = Integer.numberOfTrailingZeros(DENSE_TIMED);

    /**
     * @param n a timed call after the first (1-based among them)
     * @return its window: in the dense phase, where one call in {@value Timings#SAMPLE_EVERY} is
     *     timed, windows of 1, 2, 4, ... timed calls; from timed call {@value #DENSE_TIMED} on, where
     *     one call in {@value #SAMPLE_EVERY} is, windows of 1, 2, 4, ... sampled calls of their own,
     *     so that the latest windows are the latest calls of the run, not the warm-up's
     */
    static int window(long n) {
        return n < DENSE_TIMED ? 63 - Long.numberOfLeadingZeros(n)
                : DENSE_WINDOWS + 63 - Long.numberOfLeadingZeros(n - DENSE_TIMED + 1);
    }

    /** @return the first timed call of a window */
    private static long windowStart(int k) {
        return k < DENSE_WINDOWS ? 1L << k : DENSE_TIMED - 1 + (1L << (k - DENSE_WINDOWS));
    }

    /** @return how many timed calls a window holds when complete */
    private static long capacity(int k) {
        return 1L << (k < DENSE_WINDOWS ? k : k - DENSE_WINDOWS);
    }

    /** @return how many of the timed exits (the first included) fell into window {@code k} */
    private static long inWindow(int k, long exits) {
        return Math.max(0, Math.min(capacity(k), exits - windowStart(k)));
    }

    /** What one timed call's two {@code nanoTime()} reads add to it, measured once; -1 until then. */
    private static volatile long timerNanos = -1;

    /**
     * @return what the timer adds to a timed call: the cost of one {@code System.nanoTime()} read
     *     in compiled code (a timed call spans the end of the first read and the start of the
     *     second), measured once, when the first report is made, as the smallest mean of eight
     *     blocks of back-to-back reads (the later blocks run compiled)
     */
    static long timerNanos() {
        long t = timerNanos;
        if (t < 0) {
            double best = Double.MAX_VALUE;
            for (int block = 0; block < 8; block++) {
                long start = System.nanoTime();
                long end = start;
                for (int i = 0; i < 20_000; i++) {
                    end = System.nanoTime();
                }
                best = Math.min(best, (end - start) / 20_000.0);
            }
            t = (long) Math.floor(best);
            timerNanos = t;
        }
        return t;
    }

    /**
     * @return a consistent-enough copy of the counters, for reports; the times of timed calls net
     *     of what the timer itself adds ({@link #timerNanos()}), so that a call of tens of
     *     nanoseconds is not reported at twice its time
     */
    public Snapshot snapshot() {
        boolean timed;
        synchronized (this) {
            timed = timedExits > 0;
        }
        return snapshot(timed || firstCallNanos >= 0 ? timerNanos() : 0);
    }

    /** @param timer what the timer adds to each timed call, taken off */
    synchronized Snapshot snapshot(long timer) {
        long exits = timedExits + 1; // the timed calls, counted as if the first had returned
        long timedNanos = 0;
        for (int k = 0; k < Long.SIZE - 1; k++) {
            timedNanos += windowNanos[k];
        }
        // The latest stretch of timed calls, ending at the latest: the window that holds it if it
        // is half full, else with the one before (a complete window alone would lag: between 2^k
        // and 2^(k+1) timed calls it is the second quarter, before a tier switch that came later),
        // and more windows before while fewer than MIN_WINDOW calls.
        long steadyNanos = 0;
        long steadyTimed = 0;
        if (exits >= 2) {
            int k = window(exits - 1);
            steadyNanos = windowNanos[k];
            steadyTimed = inWindow(k, exits);
            boolean halfEmpty = steadyTimed < capacity(k) / 2;
            while (k > 0 && (halfEmpty || steadyTimed < MIN_WINDOW)) {
                k--;
                steadyNanos += windowNanos[k];
                steadyTimed += inWindow(k, exits);
                halfEmpty = false;
            }
            if (steadyTimed < MIN_WINDOW) {
                steadyNanos = 0;
                steadyTimed = 0;
            }
        }
        long timed = Math.max(0, exits - 1);
        long first = firstCallNanos;
        return new Snapshot(Math.max(Timings.calls(id) + sharedCalls.get(), timed + (first < 0 ? 0 : 1)), first < 0 ? first : Math.max(0, first - timer),
                Math.max(0, timedNanos - timed * timer), timed, Math.max(0, steadyNanos - steadyTimed * timer), steadyTimed);
    }

    /**
     * The counters of one method at one moment.
     *
     * @param calls          every call, timed or not, as the method counted them (at least the timed ones)
     * @param firstCallNanos the first completed call, or -1 when none completed
     * @param timedNanos     total time of the timed calls after the first
     * @param timed          how many calls {@code timedNanos} covers
     * @param steadyNanos    total time of the latest third to two thirds of the timed calls
     * @param steadyTimed    how many calls {@code steadyNanos} covers; 0 before there are
     *                       {@value MethodStats#MIN_WINDOW} timed calls after the first
     */
    public record Snapshot(long calls, long firstCallNanos, long timedNanos, long timed,
                           long steadyNanos, long steadyTimed) {

        /**
         * @return mean time of a call of the latest third to two thirds of the timed calls; before
         *         there are {@value MethodStats#MIN_WINDOW} of them, of every timed call after the
         *         first; -1 when there was no call after the first
         */
        public double steadyNanosPerCall() {
            if (steadyTimed > 0) {
                return (double) steadyNanos / steadyTimed;
            }
            return timed == 0 ? -1 : (double) timedNanos / timed;
        }

        /** @return measured first call plus every later call, the untimed ones at the steady time */
        public double totalNanos() {
            if (firstCallNanos < 0) {
                return 0;
            }
            long untimed = calls - 1 - timed;
            return firstCallNanos + timedNanos + Math.max(0, untimed) * Math.max(0, steadyNanosPerCall());
        }
    }
}
