package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.SimdApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @Vectorize} with the real agent jar: the program prints what it printed without the agent
 * (bit for bit in strict mode, the same exception after the same partial sum), the load-time
 * lines say what each loop became or why not, and the exit table shows the rewrite.
 */
class VectorizeIT {

    @Test
    void outputAsWithoutTheAgentAndEachLoopReported() {
        ChildResult plain = ChildJvm.app(SimdApp.class).run();
        ChildResult agent = ChildJvm.app(SimdApp.class).withAgent().run();
        assertEquals(0, plain.exitCode(), plain::describe);
        assertEquals(0, agent.exitCode(), agent::describe);
        assertEquals(plain.stdout(), agent.stdout(), agent::describe);
        assertTrue(plain.stdout().contains("sum past the end: Index 100 out of bounds for length 100"), plain::describe);

        List<String> lines = agent.loadLines(SimdApp.class);
        assertEquals(4, lines.size(), agent::describe);
        assertTrue(lines.get(0).matches(".*SimdApp\\.select\\(float\\[\\],float\\[\\],float\\[\\]\\) line \\d+: SIMD float x\\d+ .*"), lines.get(0));
        assertTrue(lines.get(1).matches(".*SimdApp\\.sum\\(int\\[\\],int\\) line \\d+: SIMD int x\\d+, reduction \\+, unroll 4 .*"), lines.get(1));
        assertTrue(lines.get(2).contains("reduction +, unroll 4, fastMath"), lines.get(2));
        assertTrue(lines.get(3).contains("not vectorized: a[i] depends on a[i - 1] (loop-carried dependence)"), lines.get(3));
        assertEquals(List.of(), agent.errorLines(), agent::describe);

        Map<String, ExitTable.Row> rows = ExitTable.parse(agent.stderr());
        assertTrue(rows.get(SimdApp.class.getName() + ".select(float[],float[],float[])").rewrite().startsWith("SIMD float x"), agent::describe);
    }

    @Test
    void strictModeFailsOnlyTheLoopThatStaysScalar() {
        ChildResult r = ChildJvm.app(SimdApp.class).withAgent("strict=true").run();
        assertTrue(r.exitCode() != 0, r::describe);
        assertTrue(r.stderr().contains("HotloopStrictError: [hotloop strict] " + SimdApp.class.getName() + ".prefix(long[]) line "), r::describe);
        assertTrue(r.stdout().contains("sum "), "the rewritten loops ran before: " + r.describe());
    }
}
