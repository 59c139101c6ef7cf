package dev.hotloop.runtime.parallel;

import java.util.Locale;

/**
 * How one parallel loop was settled: on the pool, or sequentially on the caller because the pool
 * measured slower for its runs.
 *
 * @param site            {@code Class.method line N}
 * @param sequential      whether the loop runs its chunks in order on the caller from now on
 * @param threads         the threads a parallel run used
 * @param sequentialNanos the median sequential time per iteration, or -1 when not measured
 * @param parallelNanos   the median parallel time per iteration, or -1 when not measured
 * @param iterations      the longest measured run, in iterations
 * @param reason          why the loop was settled without measuring both ways, or null
 */
public record ParallelRecord(String site, boolean sequential, int threads, double sequentialNanos,
                             double parallelNanos, long iterations, String reason) {

    /** @return sequential time over parallel time, or NaN when not measured */
    public double speedup() {
        return sequentialNanos > 0 && parallelNanos > 0 ? sequentialNanos / parallelNanos : Double.NaN;
    }

    /** @return the line printed when the loop is settled, without the {@code [hotloop]} prefix */
    public String line() {
        if (reason != null) {
            return site + ": parallel loop stays on the pool: " + reason;
        }
        String figures = String.format(Locale.ROOT, "%.1f vs %.1f ns an iteration, runs of up to %,d iterations, both compiled",
                parallelNanos, sequentialNanos, iterations);
        return sequential
                ? String.format(Locale.ROOT, "%s: parallel loop runs sequentially from now: %d threads measured %.2fx "
                        + "the speed of one (%s); give it more work per call, or remove @Parallel", site, threads, speedup(), figures)
                : String.format(Locale.ROOT, "%s: parallel loop stays on the pool: %.2fx faster on %d threads (%s)",
                        site, speedup(), threads, figures);
    }
}
