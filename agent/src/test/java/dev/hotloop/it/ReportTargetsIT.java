package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.ReportTarget;
import dev.hotloop.it.apps.KernelsApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report=A:B:...} (the platform's path separator) writes every target at exit, as the Maven
 * plugin asks for the JSON file and the HTML page; each format is tested in {@link ReportFilesIT}.
 */
class ReportTargetsIT {

    @TempDir
    Path tmp;

    @Test
    void everyListedTargetIsWritten() throws IOException {
        Path json = tmp.resolve("hot loop/r.json");
        Path html = tmp.resolve("hot loop/r.html");
        String sep = ReportTarget.SEPARATOR;
        ChildResult r = ChildJvm.app(KernelsApp.class).withAgent("report=" + json + sep + html + sep + "stderr").run();
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.hasExitTable(), () -> "stderr was listed too" + r.describe());
        for (Path file : new Path[] {json, html}) {
            assertTrue(Files.isRegularFile(file), () -> "no " + file + r.describe());
            assertTrue(r.stderr().contains("[hotloop] report written to " + file), r::describe);
            // The HTML page offers line breaks inside long names (<wbr>); the name is what a reader sees.
            String text = Files.readString(file, StandardCharsets.UTF_8).replace("<wbr>", "");
            for (KernelsMethods.Method m : KernelsMethods.ALL) {
                assertTrue(text.contains(m.name()), () -> m.name() + " missing in " + file + ":\n" + text);
            }
        }
    }
}
