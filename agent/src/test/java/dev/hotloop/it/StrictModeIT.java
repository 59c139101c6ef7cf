package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.StrictApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code strict=true}: an annotated method whose loop the agent refused throws
 * {@code HotloopStrictError} at its first call, with the agent's diagnostic (class, method, line)
 * as message; the program can catch it. Without strict mode the same method just runs.
 */
class StrictModeIT {

    private static final String ERROR_CLASS = "dev.hotloop.runtime.HotloopStrictError";

    @Test
    void refusedMethodThrowsStrictErrorNamingClassMethodAndLine() {
        ChildResult r = ChildJvm.app(StrictApp.class).withAgent("strict=true").run();
        assertEquals(0, r.exitCode(), r::describe);
        int line = SourceMarkers.of(StrictApp.class).line("prefix");
        String method = StrictApp.class.getName() + ".prefix(long[])";
        List<String> out = r.stdout().lines().toList();
        assertEquals(2, out.size(), r::describe);
        String caught = out.get(0);
        assertTrue(caught.startsWith("caught " + ERROR_CLASS + ": "), r::describe);
        assertTrue(caught.contains(method + " line " + line + ": "),
                () -> "message does not name " + method + " line " + line + r.describe());
        assertEquals("done", out.get(1), r::describe);
        // The message is the load-time diagnostic.
        List<String> load = r.loadLines(StrictApp.class);
        assertEquals(1, load.size(), r::describe);
        String diagnostic = caught.substring(caught.indexOf(method));
        assertTrue(load.get(0).startsWith("[hotloop] " + diagnostic), r::describe);
    }

    @Test
    void withoutStrictTheSameMethodRuns() {
        ChildResult r = ChildJvm.app(StrictApp.class).withAgent().run();
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(List.of("prefix returned 15", "done"), r.stdout().lines().toList(), r::describe);
    }
}
