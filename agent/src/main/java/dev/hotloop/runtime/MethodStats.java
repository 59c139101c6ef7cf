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
 * the latest complete window of at least {@value #MIN_WINDOW} calls: the later half of all timed
 * calls, so the interpreted and C1-compiled calls of the first half (and a tier switch from the
 * original loop to its SIMD form) fall out of it as the run grows.
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
        windowNanos.getAndAdd(63 - Long.numberOfLeadingZeros(n), elapsed);
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

    /** @return a consistent-enough copy of the counters, for reports */
    public Snapshot snapshot() {
        long exits = timedExits.get();
        long timedNanos = 0;
        long steadyNanos = 0;
        long steadyTimed = 0;
        for (int k = 0; k < Long.SIZE - 1; k++) {
            long window = windowNanos.get(k);
            timedNanos += window;
            // Window k is complete once timed exit 2^(k+1) - 1 (0-based) has been counted.
            if (exits >>> 1 >= 1L << k && 1L << k >= MIN_WINDOW) {
                steadyNanos = window;
                steadyTimed = 1L << k;
            }
        }
        return new Snapshot(ownerCalls[PAD] + (long) SLOT.getVolatile(sharedCalls, PAD), firstCallNanos,
                timedNanos, Math.max(0, exits - 1), steadyNanos, steadyTimed);
    }

    /**
     * The counters of one method at one moment.
     *
     * @param calls          every call, timed or not
     * @param firstCallNanos the first completed call, or -1 when none completed
     * @param timedNanos     total time of the timed calls after the first
     * @param timed          how many calls {@code timedNanos} covers
     * @param steadyNanos    total time of the calls of the latest complete window
     * @param steadyTimed    how many calls {@code steadyNanos} covers; 0 before a window of
     *                       {@value MethodStats#MIN_WINDOW} calls is complete
     */
    public record Snapshot(long calls, long firstCallNanos, long timedNanos, long timed,
                           long steadyNanos, long steadyTimed) {

        /**
         * @return mean time of a call of the latest complete window (the later half of the timed
         *         calls); before one is complete, of every timed call after the first; -1 when
         *         there was no call after the first
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
