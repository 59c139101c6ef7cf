package dev.hotloop.bench.runlength;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runs of the run-length benchmark by call count and variant, and their Markdown table:
 * medians of the app's elapsed time and of the JVM's wall time, the agent's ratio to the plain
 * JVM, and the targets of issue 9 checked on both times.
 */
final class RunLengthTable {

    /** The three JVMs compared at each call count. */
    enum Variant {
        /** No agent. */
        PLAIN,
        /** The agent, nothing cached. */
        AGENT,
        /** The agent with {@code cache=DIR}, DIR filled by an untimed run first. */
        WARM
    }

    /**
     * Checksums of the agent's runs may differ from the plain JVM's by this much, relative: the
     * fastMath dot product reassociates float sums and the fastMath sigmoid's exp is within its
     * ulp bound (measured: 1.6e-9 over 100,000 calls). The strict kernels' part must be equal.
     */
    static final double CHECKSUM_TOLERANCE = 1e-6;
    /** Cold target: the agent at most this much slower than the plain JVM, in ms. */
    static final double COLD_SLACK_MS = 100;
    /** Warm target: the agent with a warm cache at most this factor of the plain JVM ... */
    static final double WARM_FACTOR = 1.2;
    /** ... plus this many ms. */
    static final double WARM_SLACK_MS = 20;

    private final Map<Long, Map<Variant, List<JvmRun>>> runs = new TreeMap<>();
    private final boolean cacheSupported;

    /** @param cacheSupported false when the agent refused {@code cache=}: the warm columns read n/a */
    RunLengthTable(boolean cacheSupported) {
        this.cacheSupported = cacheSupported;
    }

    void add(long calls, Variant variant, JvmRun run) {
        runs.computeIfAbsent(calls, c -> new EnumMap<>(Variant.class))
                .computeIfAbsent(variant, v -> new ArrayList<>()).add(run);
    }

    /** @return the Markdown table, a header row and one row per call count */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| calls | plain ms | agent ms | agent / plain | warm-cache ms | warm / plain"
                + " | plain wall ms | agent wall ms | warm wall ms | cold ≤ plain + 100 ms | warm ≤ 1.2 × plain + 20 ms | checksums |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n");
        for (Map.Entry<Long, Map<Variant, List<JvmRun>>> e : runs.entrySet()) {
            sb.append(row(e.getKey(), e.getValue())).append('\n');
        }
        return sb.toString();
    }

    private String row(long calls, Map<Variant, List<JvmRun>> byVariant) {
        List<JvmRun> plain = byVariant.getOrDefault(Variant.PLAIN, List.of());
        List<JvmRun> agent = byVariant.getOrDefault(Variant.AGENT, List.of());
        List<JvmRun> warm = byVariant.getOrDefault(Variant.WARM, List.of());
        double pe = median(plain, false);
        double ae = median(agent, false);
        double we = median(warm, false);
        double pw = median(plain, true);
        double aw = median(agent, true);
        double ww = median(warm, true);
        String cold = check(ae <= pe + COLD_SLACK_MS, pe, ae) + " / " + check(aw <= pw + COLD_SLACK_MS, pw, aw);
        String warmCheck = cacheSupported
                ? check(we <= WARM_FACTOR * pe + WARM_SLACK_MS, pe, we) + " / " + check(ww <= WARM_FACTOR * pw + WARM_SLACK_MS, pw, ww)
                : "n/a";
        return String.join(" | ",
                "| " + String.format(Locale.ROOT, "%,d", calls),
                ms(pe, plain), ms(ae, agent), ratio(ae, pe),
                cacheSupported ? ms(we, warm) : "n/a", cacheSupported ? ratio(we, pe) : "n/a",
                ms(pw, plain), ms(aw, agent), cacheSupported ? ms(ww, warm) : "n/a",
                cold, warmCheck, checksums(plain, agent, warm) + " |");
    }

    /** @return the median of the successful runs' elapsed (or wall) times, NaN when none succeeded */
    static double median(List<JvmRun> runs, boolean wall) {
        double[] v = runs.stream().filter(JvmRun::ok).mapToDouble(r -> wall ? r.wallMs() : r.elapsedMs()).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String ms(double median, List<JvmRun> runs) {
        long failed = runs.stream().filter(r -> !r.ok()).count();
        String value = Double.isNaN(median) ? "fail" : format(median);
        return failed == 0 ? value : value + " (" + failed + " of " + runs.size() + " failed)";
    }

    static String format(double ms) {
        return String.format(Locale.ROOT, ms >= 100 ? "%,.0f" : ms >= 10 ? "%.1f" : "%.2f", ms);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? "-" : String.format(Locale.ROOT, "%.2fx", a / b);
    }

    private static String check(boolean met, double base, double with) {
        if (Double.isNaN(base) || Double.isNaN(with)) {
            return "-";
        }
        return met ? "ok" : "**MISS**";
    }

    /**
     * @return "equal", "strict equal, fastMath within 1e-6" or "DIFFER" for every successful run
     *     against the first plain one: the strict kernels' part bit for bit, the whole within
     *     {@link #CHECKSUM_TOLERANCE}
     */
    static String checksums(List<JvmRun> plain, List<JvmRun> agent, List<JvmRun> warm) {
        JvmRun reference = plain.stream().filter(JvmRun::ok).findFirst().orElse(null);
        if (reference == null) {
            return "-";
        }
        boolean exact = true;
        for (List<JvmRun> list : Arrays.asList(plain, agent, warm)) {
            for (JvmRun r : list) {
                if (!r.ok()) {
                    continue;
                }
                double d = Math.abs(r.checksum() - reference.checksum());
                boolean strictEqual = Double.compare(r.strict(), reference.strict()) == 0;
                if (!strictEqual || !(d <= CHECKSUM_TOLERANCE * Math.abs(reference.checksum()))) {
                    return "**DIFFER**";
                }
                exact &= d == 0;
            }
        }
        return exact ? "equal" : "strict equal, fastMath within 1e-6";
    }
}
