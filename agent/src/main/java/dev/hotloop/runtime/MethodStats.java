package dev.hotloop.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Call counts and timings of one annotated method, updated by the code the agent adds around it.
 *
 * <p>The first call is always timed (it includes class initialisation, interpretation and JIT
 * compilation of the callees). The next {@value #WARM_CALLS} calls are all timed; after that one
 * call in {@value #SAMPLE_EVERY} is, so that a small hot method pays two {@code nanoTime()} reads
 * only rarely. Every call is counted exactly.
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
 * <p>The common case, one thread calling the method, pays no atomic instruction: the first thread
 * to call becomes the owner and counts with a plain field that only it writes. Other threads count
 * atomically in a slot of their own cache line and pick the calls to time from their own
 * {@link ThreadLocalRandom}; nothing they write shares a line with what the owner reads.
 */
public final class MethodStats {

    /** Token that {@link #enter()} returns for a call that is not timed. */
    static final long NOT_TIMED = Long.MIN_VALUE;

    static final int WARM_CALLS = 1024;
    /** A power of two. */
    static final int SAMPLE_EVERY = 64;
    /** The shortest window the steady state is read from. */
    static final int MIN_WINDOW = 8;

    private final String key;
    /**
     * Calls by threads other than the owner, alone in the middle of its own array: a counter
     * next to {@code owner} or {@code warm} would make every call of the owner miss its cache.
     */
    private final long[] sharedCalls = new long[2 * PAD + 1];
    /** The first thread that called; only it writes its count. */
    private volatile Thread owner;
    /**
     * The owner's count, alone in the middle of its own array so that its cache line holds
     * nothing that other threads read on every call ({@code owner}, {@code warm}).
     */
    private final long[] ownerCalls = new long[2 * PAD + 1];
    private static final int PAD = 16;
    private final AtomicLong timedExits = new AtomicLong();
    /** Nanoseconds of the timed calls after the first, by window: index k holds timed calls 2^k to 2^(k+1) - 1. */
    private final AtomicLongArray windowNanos = new AtomicLongArray(Long.SIZE);
    private volatile long firstCallNanos = -1;

    /** True until {@value #WARM_CALLS} calls after the first were timed; read on every call, written once. */
    private volatile boolean warm = true;

    private static final VarHandle OWNER;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(MethodStats.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    MethodStats(String key) {
        this.key = key;
    }

    long enter() {
        Thread t = Thread.currentThread();
        if (t == owner) {
            long c = ownerCalls[PAD]++;
            return warm || (c & (SAMPLE_EVERY - 1)) == 0 ? now() : NOT_TIMED;
        }
        return enterShared(t);
    }

    private long enterShared(Thread t) {
        if (owner == null && OWNER.compareAndSet(this, null, t)) {
            ownerCalls[PAD]++;
            return now();
        }
        SLOT.getAndAdd(sharedCalls, PAD, 1L);
        if (warm || (ThreadLocalRandom.current().nextInt() & (SAMPLE_EVERY - 1)) == 0) {
            return now();
        }
        return NOT_TIMED;
    }

    void exit(long token) {
        if (token == NOT_TIMED) {
            return;
        }
        long elapsed = System.nanoTime() - token;
        long n = timedExits.getAndIncrement();
        if (n == 0) {
            firstCallNanos = elapsed;
            return;
        }
        windowNanos.getAndAdd(window(n), elapsed);
        if (n == WARM_CALLS) {
            warm = false;
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

    /** Windows of the warm-up's timed calls 1 to {@value #WARM_CALLS} - 1: 1, 2-3, ..., 512-1023. */
    private static final int WARM_WINDOWS = Integer.numberOfTrailingZeros(WARM_CALLS);

    /**
     * @param n a timed call after the first (1-based among them)
     * @return its window: during the warm-up, where every call is timed, windows of 1, 2, 4, ...
     *     timed calls; from timed call {@value #WARM_CALLS} on, where one call in
     *     {@value #SAMPLE_EVERY} is, windows of 1, 2, 4, ... sampled calls of their own, so that the
     *     latest windows are the latest calls of the run, not the warm-up's
     */
    static int window(long n) {
        return n < WARM_CALLS ? 63 - Long.numberOfLeadingZeros(n)
                : WARM_WINDOWS + 63 - Long.numberOfLeadingZeros(n - WARM_CALLS + 1);
    }

    /** @return the first timed call of a window */
    private static long windowStart(int k) {
        return k < WARM_WINDOWS ? 1L << k : WARM_CALLS - 1 + (1L << (k - WARM_WINDOWS));
    }

    /** @return how many timed calls a window holds when complete */
    private static long capacity(int k) {
        return 1L << (k < WARM_WINDOWS ? k : k - WARM_WINDOWS);
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
        return snapshot(timedExits.get() > 0 ? timerNanos() : 0);
    }

    /** @param timer what the timer adds to each timed call, taken off */
    Snapshot snapshot(long timer) {
        long exits = timedExits.get();
        long timedNanos = 0;
        for (int k = 0; k < Long.SIZE - 1; k++) {
            timedNanos += windowNanos.get(k);
        }
        // The latest stretch of timed calls, ending at the latest: the window that holds it if it
        // is half full, else with the one before (a complete window alone would lag: between 2^k
        // and 2^(k+1) timed calls it is the second quarter, before a tier switch that came later),
        // and more windows before while fewer than MIN_WINDOW calls.
        long steadyNanos = 0;
        long steadyTimed = 0;
        if (exits >= 2) {
            int k = window(exits - 1);
            steadyNanos = windowNanos.get(k);
            steadyTimed = inWindow(k, exits);
            boolean halfEmpty = steadyTimed < capacity(k) / 2;
            while (k > 0 && (halfEmpty || steadyTimed < MIN_WINDOW)) {
                k--;
                steadyNanos += windowNanos.get(k);
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
        return new Snapshot(ownerCalls[PAD] + (long) SLOT.getVolatile(sharedCalls, PAD), first < 0 ? first : Math.max(0, first - timer),
                Math.max(0, timedNanos - timed * timer), timed, Math.max(0, steadyNanos - steadyTimed * timer), steadyTimed);
    }

    /**
     * The counters of one method at one moment.
     *
     * @param calls          every call, timed or not
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
