package dev.hotloop.bench.runlength;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RunLengthApp's checksum is that of plain scalar loops written out here, so that the run-length
 * benchmark cannot silently time broken kernels: in this JVM (no agent), and in a JVM started with
 * the agent jar, whose rewritten kernels must agree within the benchmark's tolerance.
 */
class RunLengthAppTest {

    private static final Path AGENT = Paths.get("../agent/target/hotloop-agent.jar");

    @Test
    void checksumIsTheScalarReference() {
        for (long calls : new long[] {1, 3, 1001}) {
            assertEquals(reference(calls), RunLengthApp.run(calls), 0.0, "calls=" + calls);
            assertEquals(reference(calls, true), RunLengthApp.sums(calls).strict(), 0.0, "strict part, calls=" + calls);
        }
    }

    @Test
    void rewrittenKernelsGiveTheSameChecksum(@TempDir Path scratch) throws IOException {
        assumeTrue(Files.isRegularFile(AGENT), "no agent jar at " + AGENT + " (mvn package builds it first)");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        JvmRun run = JvmRun.run(List.of(java, "-javaagent:" + AGENT.toAbsolutePath() + "=report=off",
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                RunLengthApp.class.getName(), "3"), 120, scratch);
        assertTrue(run.ok(), () -> "exit " + run.exitCode() + ": " + run.stderr());
        assertTrue(run.stderr().contains("RunLengthKernels.dot(float[],float[]) line"), run.stderr());
        double expected = reference(3);
        assertEquals(expected, run.checksum(), RunLengthTable.CHECKSUM_TOLERANCE * Math.abs(expected));
        assertEquals(reference(3, true), run.strict(), 0.0, "the strict kernels bit for bit");
    }

    /** The app's loop with every kernel written out as a plain loop, in a class the agent never sees. */
    private static double reference(long calls) {
        return reference(calls, false);
    }

    /** @param strictOnly only the strict kernels' results (sum, select, countAbove, hypot) */
    private static double reference(long calls, boolean strictOnly) {
        float[] a = RunLengthApp.floats(1, 0f, 1f);
        float[] b = RunLengthApp.floats(2, 0f, 1f);
        float[] x = RunLengthApp.floats(3, -4f, 4f);
        int[] ints = RunLengthApp.ints(4);
        int n = RunLengthApp.SIZE;
        double s = 0;
        for (long c = 0; c < calls; c++) {
            int k = (int) (c % n);
            float dot = 0;
            int sum = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                dot += a[i] * b[i];
                sum += ints[i];
                if (a[i] > 0.5f) {
                    count++;
                }
            }
            if (!strictOnly) {
                s += dot;
                s += 1f / (1f + (float) Math.exp(-x[k]));
            }
            s += sum;
            s += a[k] > b[k] ? a[k] : b[k] * 2;
            s += count;
            s += (float) Math.sqrt((double) a[k] * a[k] + (double) b[k] * b[k]);
        }
        return s;
    }
}
