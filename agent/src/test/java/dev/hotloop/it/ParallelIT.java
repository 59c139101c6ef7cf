package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.ParallelApp;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code @Parallel} with the real agent jar: maps and exceptions as without the agent, the float
 * sum the same at every {@code threads}, the load-time report naming the split, and Joblib-style
 * progress at {@code log=debug}.
 */
class ParallelIT {

    @Test
    void resultsAndExceptionsAsWithoutTheAgentAndSumsTheSameAtEveryThreadCount() {
        ChildResult plain = ChildJvm.app(ParallelApp.class).run();
        assertEquals(0, plain.exitCode(), plain::describe);
        String sum = null;
        for (String threads : new String[] {"1", "2", "3", "7"}) {
            ChildResult r = ChildJvm.app(ParallelApp.class).withAgent("threads=" + threads).run();
            assertEquals(0, r.exitCode(), r::describe);
            List<String> lines = r.stdout().lines().collect(Collectors.toList());
            List<String> plainLines = plain.stdout().lines().collect(Collectors.toList());
            assertEquals(plainLines.get(0), lines.get(0), "map" + r.describe());
            assertEquals(plainLines.get(2), lines.get(2), "exception and earlier writes" + r.describe());
            sum = sum == null ? lines.get(1) : sum;
            assertEquals(sum, lines.get(1), "float sum at threads=" + threads + r.describe());
            assertEquals(List.of(), r.errorLines(), r::describe);
        }
    }

    @Test
    void theReportNamesTheSplitAndDebugPrintsProgress() {
        ChildResult r = ChildJvm.app(ParallelApp.class, "slow").withAgent("threads=2,log=debug").run();
        assertEquals(0, r.exitCode(), r::describe);
        List<String> load = r.loadLines(ParallelApp.class);
        String map = load.stream().filter(l -> l.contains(".map(")).findFirst().orElseThrow();
        assertTrue(map.contains("line " + SourceMarkers.of(ParallelApp.class).line("map")
                + ": parallel loop over i: 2 threads, chunks of >= "), map);
        String sum = load.stream().filter(l -> l.contains(".sum(")).findFirst().orElseThrow();
        assertTrue(sum.contains("reduction + on s"), sum);
        List<String> progress = r.hotloopLines().stream().filter(l -> l.contains("Parallel(threads=")).collect(Collectors.toList());
        assertTrue(progress.size() >= 2, r::describe);
        for (String line : progress) {
            assertTrue(line.matches(".*\\[hotloop] Parallel\\(threads=2\\) ParallelApp\\.slow line \\d+: done \\d+ of 200 iterations, "
                    + "elapsed \\d+\\.\\d s"), line);
        }
        assertTrue(progress.get(progress.size() - 1).contains("done 200 of 200"), r::describe);
        assertTrue(r.stdout().contains("threads 2"), r::describe);
    }
}
