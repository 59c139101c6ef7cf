package dev.hotloop.demo;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoMainTest {

    @Test
    void quickRunOfMainDoesNotThrow() {
        assertDoesNotThrow(() -> DemoMain.main(new String[] {"--quick"}));
    }

    @Test
    void quickRunPrintsTheEnvironmentAndEveryExample() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DemoMain.run(new String[] {"--quick"}, print(out), print(err));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("agent:"), text);
        assertTrue(text.contains("jdk.incubator.vector"), text);
        for (String name : new String[] {"goFast", "step", "add:", "magnitude", "addPairs", "dot",
            "sum", "normalize"}) {
            assertTrue(text.contains(name), name + " missing from\n" + text);
        }
        assertTrue(!text.contains("NaN"), text);
    }

    @Test
    void unknownArgumentIsAUsageError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, DemoMain.run(new String[] {"--fast"}, print(out), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
        assertEquals(0, DemoMain.run(new String[] {"--help"}, print(out), print(err)));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
