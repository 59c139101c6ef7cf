package dev.hotloop.agent.report;

import java.util.List;

/**
 * One row of the exit report: an annotated method, what it became, and what it cost.
 *
 * @param method             {@code com.acme.Stats.dot(float[],float[])}
 * @param line               first reported source line, or -1
 * @param rewrite            what the loops became, or {@code not rewritten}
 * @param diagnostic         the load-time line
 * @param transformNanos     time the agent spent transforming it
 * @param calls              calls made
 * @param firstCallNanos     the first call, JIT compilation included; -1 when never called
 * @param steadyNanosPerCall time per call once compiled (the latest timed calls, net of the timer); -1 when called at most once
 * @param totalNanos         time spent in the method, all calls
 * @param loops              one per annotated loop, with its measurement
 */
public record ReportRow(String method, int line, String rewrite, String diagnostic, long transformNanos,
                        long calls, long firstCallNanos, double steadyNanosPerCall, double totalNanos,
                        List<LoopResult> loops) {

    /** A row without loop details. */
    public ReportRow(String method, int line, String rewrite, String diagnostic, long transformNanos,
                     long calls, long firstCallNanos, double steadyNanosPerCall, double totalNanos) {
        this(method, line, rewrite, diagnostic, transformNanos, calls, firstCallNanos, steadyNanosPerCall, totalNanos, List.of());
    }

    /**
     * @return {@code rewritten} when every loop was rewritten and runs so, {@code refused} when none
     *     was rewritten, else {@code kept} (some loops run as written); {@code refused} without loops
     *     when the method was not rewritten
     */
    public String outcome() {
        if (loops.isEmpty()) {
            return rewrite.equals("not rewritten") ? LoopResult.REFUSED : LoopResult.REWRITTEN;
        }
        boolean all = true;
        boolean none = true;
        for (LoopResult l : loops) {
            boolean rewritten = l.outcome().equals(LoopResult.REWRITTEN);
            all &= rewritten;
            none &= l.outcome().equals(LoopResult.REFUSED);
        }
        return all ? LoopResult.REWRITTEN : none ? LoopResult.REFUSED : LoopResult.KEPT;
    }

    /** @return the first refused loop's code, or null */
    public RefusalCode code() {
        for (LoopResult l : loops) {
            if (!l.loop().rewritten()) {
                return l.loop().code();
            }
        }
        return null;
    }

    /** @return the best measured speed-up of its loops, or NaN when none was measured */
    public double speedup() {
        double best = Double.NaN;
        for (LoopResult l : loops) {
            double s = l.speedup();
            if (!Double.isNaN(s) && (Double.isNaN(best) || s > best)) {
                best = s;
            }
        }
        return best;
    }
}
