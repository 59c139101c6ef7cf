package dev.hotloop.agent.report;

import dev.hotloop.runtime.tier.TierRecord;
import java.util.List;

/**
 * The exit report's part on tiered SIMD loops: each loop's measured choice, and one warning when
 * the agent cost this run more than its SIMD loops saved (transform and measurements against the
 * measured gain per call times the calls made).
 */
final class TierSection {

    private TierSection() {
    }

    /** @return the loop lines and the cost line, each prefixed with {@code [hotloop]}; empty when no loop was measured */
    static String format(List<TierRecord> loops, List<ReportRow> rows) {
        if (loops.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("[hotloop] SIMD loops, each measured against its original loop once both were compiled:\n");
        for (TierRecord r : loops) {
            b.append("[hotloop]   ").append(r.line()).append('\n');
        }
        String cost = costWarning(loops, rows);
        if (cost != null) {
            b.append("[hotloop] WARN ").append(cost).append('\n');
        }
        return b.toString();
    }

    /** @return the warning when the agent's cost exceeded the estimated saving, else null */
    static String costWarning(List<TierRecord> loops, List<ReportRow> rows) {
        long transform = 0;
        for (ReportRow r : rows) {
            transform += r.transformNanos();
        }
        long warmup = 0;
        double saved = 0;
        for (TierRecord t : loops) {
            warmup += t.warmupNanos();
            if (t.simd()) {
                saved += (t.scalarNanos() - t.simdNanos()) * callsOf(t, rows);
            }
        }
        if (transform + warmup <= saved) {
            return null;
        }
        return "the agent cost this run " + Decimals.fixed((transform + warmup) / 1e6, 1) + " ms (transform "
                + Decimals.fixed(transform / 1e6, 1) + " ms on the loading threads, measurements " + Decimals.fixed(warmup / 1e6, 1)
                + " ms on the warm-up thread) and its SIMD loops saved an estimated " + Decimals.fixed(saved / 1e6, 1)
                + " ms: the run was too short to gain. The original loops ran meanwhile; the class cache (option cache) spares "
                + "the next run the transform";
    }

    /** @return the calls of the method holding the loop (an upper bound on the loop's SIMD runs) */
    private static long callsOf(TierRecord t, List<ReportRow> rows) {
        for (ReportRow r : rows) {
            if (t.site().startsWith(r.method() + " ")) {
                return r.calls();
            }
        }
        return 0;
    }

    /** @return the loops as a JSON array value */
    static String json(List<TierRecord> loops) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < loops.size(); i++) {
            TierRecord r = loops.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"site\": ").append(JsonFormat.str(r.site()))
                    .append(", \"simdForm\": ").append(JsonFormat.str(r.summary()))
                    .append(", \"runs\": ").append(JsonFormat.str(r.simd() ? "simd" : "original"))
                    .append(", \"simdNanosPerCall\": ").append(number(r.simdNanos()))
                    .append(", \"originalNanosPerCall\": ").append(number(r.scalarNanos()))
                    .append(", \"speedup\": ").append(number(r.speedup()))
                    .append(", \"iterations\": ").append(r.iterations() < 0 ? "null" : Long.toString(r.iterations()))
                    .append(", \"warmupNanos\": ").append(r.warmupNanos() < 0 ? "null" : Long.toString(r.warmupNanos()))
                    .append(", \"notMeasured\": ").append(r.reason() == null ? "null" : JsonFormat.str(r.reason()))
                    .append('}');
        }
        return b.append(loops.isEmpty() ? "]" : "\n  ]").toString();
    }

    private static String number(double d) {
        return d < 0 || Double.isNaN(d) ? "null" : Decimals.fixed(d, 3);
    }
}
