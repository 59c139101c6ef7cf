package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.HostileLoadersApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An annotated class defined by the application loader, by a custom child-first loader and as a
 * hidden class: with the agent, every copy computes what it computes without, the JVM starts no
 * error line, and the copies the agent sees are reported.
 */
class HostileLoadersIT {

    @Test
    void customAndHiddenLoadersRunTheSameWithTheAgent() {
        ChildResult plain = ChildJvm.app(HostileLoadersApp.class).run();
        assertEquals(0, plain.exitCode(), plain::describe);
        long expected = 332_833_500L;
        assertEquals(List.of("application: " + expected, "custom loader: " + expected, "hidden class: " + expected),
                plain.stdout().lines().toList(), plain::describe);

        ChildResult r = ChildJvm.app(HostileLoadersApp.class).withAgent().run();
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(plain.stdout(), r.stdout(), r::describe);
        assertEquals(List.of(), r.errorLines(), r::describe);
        assertTrue(r.loadLines(HostileLoadersApp.HostileKernel.class).size() >= 2,
                () -> "the application and custom-loader copies are both reported" + r.describe());
    }
}
