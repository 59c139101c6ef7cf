package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StderrDiagnosticsTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private StderrDiagnostics at(LogLevel threshold) {
        return new StderrDiagnostics(threshold, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static void everyLevel(Diagnostics d) {
        d.debug("d");
        d.info("i");
        d.warn("w");
        d.error("e");
    }

    @Test
    void infoPrintsInfoWarningsAndErrorsWithPrefixes() {
        everyLevel(at(LogLevel.INFO));
        assertEquals("[hotloop] i\n[hotloop] WARN w\n[hotloop] ERROR e\n", printed());
    }

    @Test
    void debugPrintsEverything() {
        StderrDiagnostics d = at(LogLevel.DEBUG);
        everyLevel(d);
        assertTrue(printed().startsWith("[hotloop] d\n"));
        assertTrue(d.enabled(LogLevel.DEBUG));
    }

    @Test
    void warnPrintsWarningsAndErrorsOnly() {
        StderrDiagnostics d = at(LogLevel.WARN);
        everyLevel(d);
        assertEquals("[hotloop] WARN w\n[hotloop] ERROR e\n", printed());
        assertFalse(d.enabled(LogLevel.INFO));
    }

    @Test
    void offPrintsNothing() {
        StderrDiagnostics d = at(LogLevel.OFF);
        everyLevel(d);
        assertEquals("", printed());
        assertFalse(d.enabled(LogLevel.WARN));
        assertFalse(d.enabled(LogLevel.OFF));
    }
}
