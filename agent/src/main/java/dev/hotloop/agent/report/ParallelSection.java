package dev.hotloop.agent.report;

import dev.hotloop.runtime.parallel.ParallelRecord;
import java.util.List;

/**
 * The exit report's part on parallel loops that were timed on the pool and sequentially: each
 * loop's choice with both figures ({@code dev.hotloop.runtime.parallel.ParallelChoice}).
 */
final class ParallelSection {

    private ParallelSection() {
    }

    /** @return the loop lines, each prefixed with {@code [hotloop]}; empty when no loop was settled */
    static String format(List<ParallelRecord> loops) {
        if (loops.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("[hotloop] parallel loops, each settled on the pool or sequentially:\n");
        for (ParallelRecord r : loops) {
            b.append("[hotloop]   ").append(r.line()).append('\n');
        }
        return b.toString();
    }
}
