package dev.hotloop.runtime;

import dev.hotloop.runtime.jfr.Jfr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registry of {@link MethodStats}, indexed by the small integer the agent bakes into each
 * rewritten method, and the methods' call counters. A rewritten method does what
 * {@link #enter(int)} does, inline: on the thread that first called it (its owner, in
 * {@link #owners}), it adds one to its counter in {@link #calls} and, on its first call and every
 * {@value #SAMPLE_EVERY}th after, calls {@link #start(long, int)} for a token; on any other thread it
 * calls {@link #enterShared(int)}; then {@link #exit(long, int)} before every return when it holds
 * a token (a call that throws is counted, not timed).
 *
 * <p>The owner's call is therefore a handful of instructions and no call: the interpreter and C1
 * run it as fast as the JIT's own counters, and C2 compiles the method without the timer's code in
 * its way (measured: calling a timer on every call delayed a kernel's C2 code by 3 to 6 ms and cost
 * the run-length benchmark 17 ms at 2,000 calls of six kernels). Only the owner writes its counter,
 * a plain increment on a cache line of its own; other threads count atomically apart, so that two
 * threads calling one method never fight over one line (a shared plain counter cost them 19 ns a
 * call) and every call is counted exactly.
 */
public final class Timings {

    /** Longs per method in {@link #calls}: a cache line each, so that two methods never share one. */
    public static final int STRIDE = 8;
    /** A call is offered to {@link #start} when {@code (calls - 1) % SAMPLE_EVERY == 0}; a power of two. */
    public static final int SAMPLE_EVERY = 16;

    private static final Object LOCK = new Object();
    private static final Map<String, Integer> IDS = new HashMap<>();
    private static volatile MethodStats[] table = new MethodStats[16];
    /**
     * The calls of method {@code id} at index {@code id * STRIDE}, counted by the method itself.
     * Replaced by a larger copy as methods register (a call counted in the old array at that
     * moment can be lost).
     */
    public static volatile long[] calls = new long[16 * STRIDE];
    /** The thread that first called method {@code id}, the only one that writes its {@link #calls}; null until then. */
    public static volatile Thread[] owners = new Thread[16];
    private static int size;

    private Timings() {
    }

    /**
     * Returns the id of the method with this key, registering it on first use. A class that is
     * retransformed keeps the ids of its methods.
     *
     * @param key a key unique to one method of one class of one class loader
     * @return the id to pass to {@link #enter(int)} and {@link #exit(long, int)}
     */
    public static int register(String key) {
        int id;
        synchronized (LOCK) {
            Integer known = IDS.get(key);
            if (known != null) {
                return known;
            }
            MethodStats[] current = table;
            if (size == current.length) {
                MethodStats[] grown = new MethodStats[current.length * 2];
                System.arraycopy(current, 0, grown, 0, size);
                current = grown;
                long[] counted = new long[grown.length * STRIDE];
                long[] old = calls;
                System.arraycopy(old, 0, counted, 0, old.length);
                calls = counted;
                Thread[] owned = new Thread[grown.length];
                System.arraycopy(owners, 0, owned, 0, size);
                owners = owned;
            }
            id = size++;
            current[id] = new MethodStats(key, id);
            table = current;
            IDS.put(key, id);
        }
        Jfr.watch(); // outside the lock: the recorder's periodic thread reads all() under it
        return id;
    }

    /**
     * What a rewritten method does first, inline: counts the call and, on the calls offered to the
     * timer, asks {@link #start} for a token.
     *
     * @param id the method's id
     * @return a token to hand to {@link #exit(long, int)}; {@link MethodStats#NOT_TIMED} (0) for a
     *     call that is not timed
     */
    public static long enter(int id) {
        if (Thread.currentThread() != owners[id]) {
            return enterShared(id);
        }
        long[] c = calls;
        long call = ++c[id * STRIDE];
        return ((call - 1) & (SAMPLE_EVERY - 1)) == 0 ? start(call, id) : MethodStats.NOT_TIMED;
    }

    /**
     * A call of method {@code id} on a thread other than its owner: the first call of the method
     * makes its thread the owner; others count atomically, apart from the owner's counter.
     *
     * @param id the method's id
     * @return a token to hand to {@link #exit(long, int)}, or {@link MethodStats#NOT_TIMED} (0)
     */
    public static long enterShared(int id) {
        Thread t = Thread.currentThread();
        if (owners[id] == null) {
            synchronized (LOCK) {
                if (owners[id] == null) {
                    owners[id] = t; // an array element: published by the lock's release and the array's volatile read
                }
            }
        }
        if (owners[id] == t) {
            return enter(id); // the call that made its thread the owner counts as the owner's first
        }
        return table[id].enterShared();
    }

    /**
     * Called by a rewritten method on its first call and every {@value #SAMPLE_EVERY}th after.
     *
     * @param call the call's number, from the method's counter
     * @param id   the method's id
     * @return a token to hand to {@link #exit(long, int)}, or {@link MethodStats#NOT_TIMED} (0)
     */
    public static long start(long call, int id) {
        return table[id].start(call);
    }

    /**
     * Called before every return of a rewritten method whose call holds a token other than
     * {@link MethodStats#NOT_TIMED} (a call that throws is not timed).
     *
     * @param token what {@link #start} returned
     * @param id    the method's id
     */
    public static void exit(long token, int id) {
        table[id].exit(token);
    }

    /** @return the calls method {@code id}'s owner counted so far */
    static long calls(int id) {
        long[] c = calls;
        int at = id * STRIDE;
        return at < c.length ? c[at] : 0;
    }

    /** @return the stats of the method with this id */
    public static MethodStats stats(int id) {
        return table[id];
    }

    /** @return every registered method's stats, in registration order */
    public static List<MethodStats> all() {
        synchronized (LOCK) {
            List<MethodStats> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(table[i]);
            }
            return out;
        }
    }
}
