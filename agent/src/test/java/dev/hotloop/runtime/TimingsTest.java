package dev.hotloop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@link Timings} is one registry per JVM: every key here is unique to its test. */
class TimingsTest {

    private static String key(String name) {
        return "TimingsTest/" + UUID.randomUUID() + "/" + name;
    }

    @Test
    void registerIsIdempotentByKey() {
        String k = key("a");
        int id = Timings.register(k);
        assertEquals(id, Timings.register(k));
        assertEquals(id, Timings.register(new String(k.toCharArray())), "keys compare by value");
        assertNotEquals(id, Timings.register(key("b")));
        assertEquals(k, Timings.stats(id).key());
    }

    @Test
    void tableGrowsAndKeepsEarlierStats() {
        int[] ids = new int[100];
        String[] keys = new String[ids.length];
        Set<Integer> distinct = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            keys[i] = key("grow" + i);
            ids[i] = Timings.register(keys[i]);
            distinct.add(ids[i]);
            Timings.exit(Timings.enter(ids[i]), ids[i]);
        }
        assertEquals(ids.length, distinct.size());
        for (int i = 0; i < ids.length; i++) {
            assertEquals(keys[i], Timings.stats(ids[i]).key());
            assertEquals(1, Timings.stats(ids[i]).snapshot().calls());
            assertEquals(ids[i], Timings.register(keys[i]));
        }
    }

    @Test
    void enterAndExitCountCallsOfTheirMethodOnly() {
        int a = Timings.register(key("a"));
        int b = Timings.register(key("b"));
        for (int i = 0; i < 5; i++) {
            Timings.exit(Timings.enter(a), a);
        }
        Timings.exit(Timings.enter(b), b);
        assertEquals(5, Timings.stats(a).snapshot().calls());
        assertEquals(1, Timings.stats(b).snapshot().calls());
        assertTrue(Timings.stats(a).snapshot().firstCallNanos() >= 0);
    }

    @Test
    void allListsInRegistrationOrder() {
        int first = Timings.register(key("first"));
        int second = Timings.register(key("second"));
        List<MethodStats> all = Timings.all();
        assertSame(Timings.stats(first), all.get(first));
        assertSame(Timings.stats(second), all.get(second));
        assertTrue(all.indexOf(Timings.stats(first)) < all.indexOf(Timings.stats(second)));
    }

    @Test
    void concurrentRegistrationOfOneKeyGivesOneId() throws InterruptedException {
        String k = key("race");
        Set<Integer> ids = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 1_000; i++) {
                    ids.add(Timings.register(k));
                }
            });
            threads[t].start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, ids.size());
    }
}
