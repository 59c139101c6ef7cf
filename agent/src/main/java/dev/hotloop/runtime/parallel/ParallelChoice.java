package dev.hotloop.runtime.parallel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The measured choice, per parallel loop, between running its chunks on the shared pool and
 * running the same chunks in order on the caller: a loop with too little work per run is slower
 * in parallel (waking workers and handing out chunks cost microseconds), and keeps its sequential
 * form once that has measured at least as fast. Both ways run the same chunks and combine the
 * reductions in the same order, so the choice never changes a result.
 *
 * <p>The first {@link #WARM_RUNS} runs are parallel, as without this class: the JIT compiles the
 * chunk method, which both ways run. When the median of the later half of them took
 * {@link #SHORT_NANOS} or more, the loop settles as parallel, so a long loop never pays a
 * sequential trial (a median, so that one run a busy machine delayed decides nothing). Short loops
 * then alternate between the two ways,
 * {@link #SAMPLES} timed runs each, per iteration, and the medians decide: parallel stays when it
 * takes at most {@link #MARGIN} of the sequential time.
 * A loop settled as sequential still runs in parallel on a range more than
 * {@link #GROWTH} times longer than any it was measured on.
 */
final class ParallelChoice {

    static final long SHORT_NANOS = 1_000_000;
    static final int WARM_RUNS = 32;
    static final int SAMPLES = 15;
    static final double MARGIN = 0.95;
    static final long GROWTH = 4;

    private static final int MEASURING = 0;
    private static final int PARALLEL = 1;
    private static final int SEQUENTIAL = 2;

    private static final ConcurrentHashMap<String, ParallelChoice> SITES = new ConcurrentHashMap<>();
    private static final List<ParallelRecord> RECORDS = new ArrayList<>();
    private static volatile boolean enabled;
    private static volatile PrintStream announce;

    private final String site;
    private volatile int state = MEASURING;
    private int trials;
    private int parallelRuns;
    private final double[] sequentialSamples = new double[SAMPLES];
    private final double[] parallelSamples = new double[SAMPLES];
    private int sequentialTimed;
    private int parallelTimed;
    private long longestMeasured;
    private final double[] warmRuns = new double[WARM_RUNS / 2];

    private ParallelChoice(String site) {
        this.site = site;
    }

    /**
     * @param measure   whether loops are measured and may fall back to their sequential form;
     *                  without it every loop runs in parallel, as without this class
     * @param decisions where each decision is printed, or null
     */
    static void configure(boolean measure, PrintStream decisions) {
        enabled = measure;
        announce = decisions;
    }

    /** @return the choice for a loop, or null when loops are not measured */
    static ParallelChoice at(String site) {
        if (!enabled) {
            return null;
        }
        ParallelChoice c = SITES.get(site);
        if (c == null) {
            ParallelChoice fresh = new ParallelChoice(site);
            c = SITES.putIfAbsent(site, fresh);
            if (c == null) {
                c = fresh;
            }
        }
        return c;
    }

    /** @return every decision so far, in the order they were made */
    static List<ParallelRecord> records() {
        synchronized (RECORDS) {
            return List.copyOf(RECORDS);
        }
    }

    /** Forgets every loop and decision (tests). */
    static void reset() {
        SITES.clear();
        synchronized (RECORDS) {
            RECORDS.clear();
        }
    }

    /**
     * @param iterations the run's iterations
     * @return whether this run takes the sequential way
     */
    boolean sequential(long iterations) {
        int s = state;
        if (s == PARALLEL) {
            return false;
        }
        if (s == SEQUENTIAL) {
            return iterations <= GROWTH * longestMeasured;
        }
        synchronized (this) {
            return state == MEASURING && parallelRuns >= WARM_RUNS && (trials++ & 1) == 0;
        }
    }

    /**
     * Records how long a run took.
     *
     * @param sequential whether it ran sequentially
     * @param iterations its iterations
     * @param nanos      its wall time on the caller
     * @param threads    the threads a parallel run used
     */
    void record(boolean sequential, long iterations, long nanos, int threads) {
        if (state != MEASURING) {
            return;
        }
        ParallelRecord decided = null;
        synchronized (this) {
            if (state != MEASURING) {
                return;
            }
            int run = sequential ? -1 : parallelRuns++;
            if (run >= WARM_RUNS / 2 && run < WARM_RUNS) {
                warmRuns[run - WARM_RUNS / 2] = nanos;
                if (run == WARM_RUNS - 1 && median(warmRuns) >= SHORT_NANOS) {
                    decided = decide(PARALLEL, threads, "runs of " + millis(median(warmRuns)) + " are long enough for the pool");
                }
            } else if (run < 0 || run >= WARM_RUNS) {
                double perIteration = (double) nanos / Math.max(1, iterations);
                longestMeasured = Math.max(longestMeasured, iterations);
                if (sequential && sequentialTimed < SAMPLES) {
                    sequentialSamples[sequentialTimed++] = perIteration;
                } else if (!sequential && parallelTimed < SAMPLES) {
                    parallelSamples[parallelTimed++] = perIteration;
                }
                if (sequentialTimed == SAMPLES && parallelTimed == SAMPLES) {
                    double seq = median(sequentialSamples);
                    double par = median(parallelSamples);
                    decided = decide(par <= MARGIN * seq ? PARALLEL : SEQUENTIAL, threads, null, seq, par);
                }
            }
        }
        if (decided != null) {
            synchronized (RECORDS) {
                RECORDS.add(decided);
            }
            PrintStream out = announce;
            if (out != null) {
                out.println("[hotloop] " + decided.line());
            }
        }
    }

    private ParallelRecord decide(int to, int threads, String reason) {
        return decide(to, threads, reason, -1, -1);
    }

    private ParallelRecord decide(int to, int threads, String reason, double sequentialNanos, double parallelNanos) {
        state = to;
        return new ParallelRecord(site, to == SEQUENTIAL, threads, sequentialNanos, parallelNanos, longestMeasured, reason);
    }

    private static double median(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String millis(double nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
