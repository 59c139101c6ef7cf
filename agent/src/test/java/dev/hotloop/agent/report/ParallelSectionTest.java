package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hotloop.runtime.parallel.ParallelRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelSectionTest {

    @Test
    void noSettledLoopNoSection() {
        assertEquals("", ParallelSection.format(List.of()));
    }

    @Test
    void eachLoopSaysHowItRunsWithBothFigures() {
        ParallelRecord slow = new ParallelRecord("Stats.smooth line 31", true, 2, 24.4, 58.1, 2_000, null);
        ParallelRecord big = new ParallelRecord("Render.shade line 12", false, 2, -1, -1, 0, "runs of 3.2 ms are long enough for the pool");
        assertEquals("[hotloop] parallel loops, each settled on the pool or sequentially:\n"
                + "[hotloop]   Stats.smooth line 31: parallel loop runs sequentially from now: 2 threads measured 0.42x the speed"
                + " of one (58.1 vs 24.4 ns an iteration, runs of up to 2,000 iterations, both compiled); give it more work per"
                + " call, or remove @Parallel\n"
                + "[hotloop]   Render.shade line 12: parallel loop stays on the pool: runs of 3.2 ms are long enough for the pool\n",
                ParallelSection.format(List.of(slow, big)));
    }
}
