package dev.hotloop.runtime;

import dev.hotloop.runtime.jfr.Jfr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registry of {@link MethodStats}, indexed by the small integer the agent bakes into each
 * rewritten method. Rewritten code calls {@link #enter(int)} on entry and {@link #exit(long, int)}
 * on every exit, normal or exceptional.
 */
public final class Timings {

    private static final Object LOCK = new Object();
    private static final Map<String, Integer> IDS = new HashMap<>();
    private static volatile MethodStats[] table = new MethodStats[16];
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
            }
            id = size++;
            current[id] = new MethodStats(key);
            table = current;
            IDS.put(key, id);
        }
        Jfr.watch(); // outside the lock: the recorder's periodic thread reads all() under it
        return id;
    }

    /**
     * Called first thing in a rewritten method.
     *
     * @param id the method's id
     * @return a token to hand to {@link #exit(long, int)}
     */
    public static long enter(int id) {
        return table[id].enter();
    }

    /**
     * Called on every way out of a rewritten method, including exceptions.
     *
     * @param token what {@link #enter(int)} returned
     * @param id    the method's id
     */
    public static void exit(long token, int id) {
        table[id].exit(token);
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
