package dev.hotloop.agent.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The cache's writer thread: entries in the order handed over, off the caller's thread, drained at exit. */
class CacheWriterTest {

    @Test
    void writesInOrderOnItsOwnThreadAndDrains() {
        CacheWriter w = new CacheWriter();
        List<String> done = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            String name = "e" + i;
            w.put(() -> {
                threads.add(Thread.currentThread());
                done.add(name);
            });
        }
        assertTrue(w.drain(10_000));
        assertEquals(50, done.size());
        for (int i = 0; i < 50; i++) {
            assertEquals("e" + i, done.get(i));
        }
        for (Thread t : threads) {
            assertNotSame(Thread.currentThread(), t, "never on the caller's thread");
            assertTrue(t.isDaemon(), "never keeps the JVM alive");
        }
    }

    @Test
    void theCallerDoesNotWaitForAWrite() throws InterruptedException {
        CacheWriter w = new CacheWriter();
        CountDownLatch release = new CountDownLatch(1);
        w.put(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertFalse(w.drain(50), "a slow write is still in flight: put returned before it");
        release.countDown();
        assertTrue(w.drain(10_000));
    }

    @Test
    void aFailingWriteDoesNotStopTheNext() {
        CacheWriter w = new CacheWriter();
        List<String> done = new CopyOnWriteArrayList<>();
        w.put(() -> {
            throw new IllegalStateException("disk full");
        });
        assertTrue(w.drain(10_000));
        w.put(() -> done.add("after"));
        assertTrue(w.drain(10_000));
        assertEquals(List.of("after"), done);
    }
}
