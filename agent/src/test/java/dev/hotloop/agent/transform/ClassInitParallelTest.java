package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.SourceMarkers;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.parallel.InitCallsParallel;
import dev.hotloop.runtime.parallel.ParallelLoop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Parallel} method called from its own class's static initializer runs sequentially
 * (the workers could not enter the class before its initialization ends), says so once, and runs
 * in parallel once the class is initialized.
 */
class ClassInitParallelTest {

    private static final long TIMEOUT_MS = 30_000;

    @AfterEach
    void restore() {
        ParallelLoop.configure(Runtime.getRuntime().availableProcessors(), false);
        ParallelLoop.notices(null);
    }

    @Test
    void calledFromItsOwnStaticInitializerItRunsSequentiallyAndSaysSoOnce() throws Exception {
        ParallelLoop.configure(2, false);
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        ParallelLoop.notices(new PrintStream(said, true, StandardCharsets.UTF_8));
        InstrumentingLoader loader = new InstrumentingLoader(AgentOptions.parse("threads=2", new Properties(), Map.of()));
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread init = new Thread(() -> {
            try {
                Class<?> c = Class.forName(InitCallsParallel.class.getName(), true, loader);
                outcome.set(c.getField("SQUARES").get(null));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "class-init");
        init.setDaemon(true); // before the fix it never ends
        init.start();
        init.join(TIMEOUT_MS);
        assertFalse(init.isAlive(), "the static initializer that calls its own @Parallel method hangs");
        assertTrue(loader.result(InitCallsParallel.class.getName()).plans().get(0).anyRewritten(),
                "the loop is rewritten: it runs in parallel once the class is initialized");
        long[] squares = (long[]) outcome.get();
        for (int i = 0; i < squares.length; i++) {
            assertEquals((long) i * i, squares[i]);
        }
        String text = said.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("[hotloop] InitCallsParallel.fill line " + SourceMarkers.line(InitCallsParallel.class, "fill")
                + " runs its parallel loop sequentially while class " + InitCallsParallel.class.getName() + " is being initialized"), text);

        // Initialized: the same method runs on the pool, and says nothing more.
        Class<?> c = Class.forName(InitCallsParallel.class.getName(), true, loader);
        long[] again = new long[20_000];
        c.getMethod("fill", long[].class).invoke(null, (Object) again);
        assertEquals((long) 19_999 * 19_999, again[19_999]);
        assertEquals(text, said.toString(StandardCharsets.UTF_8), "said once");
    }
}
