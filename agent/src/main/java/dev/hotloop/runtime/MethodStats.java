package dev.hotloop.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Call counts and timings of one annotated method, updated by the code the agent adds around it.
 *
 * <p>The first call is always timed (it includes class initialisation, interpretation and JIT
 * compilation of the callees). The next {@value #WARM_CALLS} calls are all timed; after that one
 * call in {@value #SAMPLE_EVERY} is, so that a small hot method pays two {@code nanoTime()} reads
 * only rarely. Every call is counted exactly.
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
    private final LongAdder warmNanos = new LongAdder();
    private final LongAdder sampledNanos = new LongAdder();
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
        } else if (n <= WARM_CALLS) {
            warmNanos.add(elapsed);
            if (n == WARM_CALLS) {
                warm = false;
            }
        } else {
            sampledNanos.add(elapsed);
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
        // Timed exit n (0-based) is the first call, then warm-up up to WARM_CALLS, then sampled.
        long afterFirst = Math.max(0, timedExits.get() - 1);
        return new Snapshot(ownerCalls[PAD] + (long) SLOT.getVolatile(sharedCalls, PAD), firstCallNanos,
                warmNanos.sum(), Math.min(afterFirst, WARM_CALLS), sampledNanos.sum(), Math.max(0, afterFirst - WARM_CALLS));
    }

    /**
     * The counters of one method at one moment.
     *
     * @param calls          every call, timed or not
     * @param firstCallNanos the first completed call, or -1 when none completed
     * @param warmNanos      total time of the timed calls after the first, while warming up
     * @param warmTimed      how many calls {@code warmNanos} covers
     * @param sampledNanos   total time of the calls sampled after warm-up
     * @param sampledTimed   how many calls {@code sampledNanos} covers
     */
    public record Snapshot(long calls, long firstCallNanos, long warmNanos, long warmTimed,
                           long sampledNanos, long sampledTimed) {

        /** Below this many samples after warm-up, the warm-up calls estimate the steady state. */
        static final long MIN_SAMPLES = 8;

        /** @return mean time of a call after the first, or -1 when there was no such call */
        public double steadyNanosPerCall() {
            if (sampledTimed >= MIN_SAMPLES) {
                return (double) sampledNanos / sampledTimed;
            }
            long n = warmTimed + sampledTimed;
            return n == 0 ? -1 : (double) (warmNanos + sampledNanos) / n;
        }

        /** @return measured first call plus every later call, the untimed ones estimated */
        public double totalNanos() {
            if (firstCallNanos < 0) {
                return 0;
            }
            long later = calls - 1 - warmTimed - sampledTimed;
            double steady = steadyNanosPerCall();
            return firstCallNanos + warmNanos + sampledNanos + Math.max(0, later) * Math.max(0, steady);
        }
    }
}
