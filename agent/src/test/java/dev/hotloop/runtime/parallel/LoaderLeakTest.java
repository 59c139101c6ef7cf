package dev.hotloop.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A class loader that was the caller's context class loader for a parallel loop, and whose class
 * made the call, is collectable once the program drops it: the pool's workers (created during that
 * call, from that caller) neither keep it as their context class loader nor in the access-control
 * context they inherit at creation. Chunks run with the caller's context class loader.
 */
class LoaderLeakTest {

    private static final long GC_TIMEOUT_NANOS = 10_000_000_000L;

    @AfterEach
    void restore() {
        ParallelLoop.configure(Runtime.getRuntime().availableProcessors(), false);
    }

    @Test
    void aDiscardedContextLoaderIsNotHeldByTheWorkers() throws Exception {
        // A size no other test uses: a new pool whose workers are created during the call below.
        ParallelLoop.configure(Runtime.getRuntime().availableProcessors() + 3, false);
        WeakReference<ClassLoader> ref = runFromDiscardedLoader();
        long deadline = System.nanoTime() + GC_TIMEOUT_NANOS;
        while (ref.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(ref.get(), "the discarded loader is still reachable (held by the pool's workers)");
    }

    private static WeakReference<ClassLoader> runFromDiscardedLoader() throws Exception {
        ClassLoader loader = new ProbeLoader(LoaderLeakTest.class.getClassLoader());
        Thread self = Thread.currentThread();
        ClassLoader own = self.getContextClassLoader();
        self.setContextClassLoader(loader);
        try {
            IntSupplier probe = (IntSupplier) loader.loadClass(Probe.class.getName()).getDeclaredConstructor().newInstance();
            assertEquals(1, probe.getAsInt(), "every chunk saw the caller's context class loader");
        } finally {
            self.setContextClassLoader(own);
        }
        return new WeakReference<>(loader);
    }

    /** Runs a parallel loop from a class of the discarded loader; 1 when every chunk saw it as context loader. */
    public static final class Probe implements IntSupplier {

        @Override
        public int getAsInt() {
            ClassLoader expected = Probe.class.getClassLoader();
            AtomicInteger wrong = new AtomicInteger();
            AtomicReference<Thread> any = new AtomicReference<>();
            ParallelLoop.run((c, lo, hi) -> {
                any.set(Thread.currentThread());
                if (Thread.currentThread().getContextClassLoader() != expected) {
                    wrong.incrementAndGet();
                }
                long until = System.nanoTime() + 200_000; // long enough for the helpers to take chunks
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }, 0, 4096, ParallelLoop.chunks(0, 4096, 16), -1, "LoaderLeakTest.Probe");
            return wrong.get() == 0 ? 1 : 0;
        }
    }

    /** Defines its own copy of {@link Probe}; everything else comes from the parent. */
    private static final class ProbeLoader extends ClassLoader {

        ProbeLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.startsWith(Probe.class.getName())) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] b = in.readAllBytes();
                        c = defineClass(name, b, 0, b.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                assertSame(this, c.getClassLoader());
                return c;
            }
        }
    }
}
