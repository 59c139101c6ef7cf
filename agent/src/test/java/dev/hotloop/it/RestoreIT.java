package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.RestoreApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A loop that settles on its original form gets its method's original bytecode back: the agent
 * retransforms the class on the warm-up thread, the JVM accepts the new class file (same members),
 * and the program's results are the plain JVM's before and after.
 */
class RestoreIT {

    @Test
    void aLoopKeptAsWrittenRunsItsOriginalBytecodeAgain() {
        ChildResult plain = ChildJvm.app(RestoreApp.class, "plain").run();
        ChildResult agent = ChildJvm.app(RestoreApp.class).withAgent("log=info,report=off").run();
        assertEquals(0, plain.exitCode(), plain::describe);
        assertEquals(0, agent.exitCode(), agent::describe);

        List<String> out = agent.stdout().lines().toList();
        assertTrue(out.contains("decided: original"), agent::describe);
        assertTrue(out.contains("idle: true"), agent::describe);
        assertTrue(agent.hotloopLines().stream().anyMatch(l -> l.contains(
                "RestoreApp.saxpy(float,float[],float[]): the original bytecode runs again")), agent::describe);
        assertEquals(List.of(), agent.warnLines(), agent::describe);
        assertEquals(List.of(), agent.errorLines(), agent::describe);
        assertEquals(plain.stdout().lines().filter(l -> l.startsWith("after: ")).toList(),
                out.stream().filter(l -> l.startsWith("after: ")).toList(), agent::describe);
    }
}
