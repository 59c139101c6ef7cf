package dev.hotloop.bench.vector;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The Markdown table of the vector benchmark: one row per kernel and size, ns per element of the
 * three variants side by side, the agent's speed-up over the plain JVM and its distance from the
 * hand-written ceiling. A variant that did not run shows a dash.
 */
final class ResultTable {

    /** Which build of a kernel a score is for. */
    enum Variant {
        /** The scalar kernel on the plain JVM. */
        PLAIN,
        /** The scalar kernel rewritten by the agent. */
        AGENT,
        /** The hand-written Vector API kernel. */
        HAND
    }

    /**
     * One measurement.
     *
     * @param kernel       the kernel's method name
     * @param variant      which build ran
     * @param size         elements per call
     * @param nsPerElement average time per element
     */
    record Score(String kernel, Variant variant, int size, double nsPerElement) {
    }

    private static final String DASH = "—";

    private ResultTable() {
    }

    /**
     * @param scores   the measurements, in any order
     * @param fastMath whether a kernel (by name) is annotated {@code fastMath = true}
     * @return the table, header included, one line per row, rows by kernel name then size
     */
    static String markdown(List<Score> scores, Predicate<String> fastMath) {
        Map<Row, Map<Variant, Double>> rows = new TreeMap<>(
                Comparator.comparing(Row::kernel).thenComparingInt(Row::size));
        for (Score s : scores) {
            rows.computeIfAbsent(new Row(s.kernel(), s.size()), r -> new EnumMap<>(Variant.class))
                    .put(s.variant(), s.nsPerElement());
        }
        StringBuilder out = new StringBuilder()
                .append("| kernel | mode | size | plain ns/elem | agent ns/elem | hand ns/elem | agent vs plain | agent / hand |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach((row, ns) -> {
            Double plain = ns.get(Variant.PLAIN);
            Double agent = ns.get(Variant.AGENT);
            Double hand = ns.get(Variant.HAND);
            out.append("| ").append(row.kernel())
                    .append(" | ").append(fastMath.test(row.kernel()) ? "fastMath" : "strict")
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", row.size()))
                    .append(" | ").append(time(plain))
                    .append(" | ").append(time(agent))
                    .append(" | ").append(time(hand))
                    .append(" | ").append(ratio(plain, agent))
                    .append(" | ").append(ratio(agent, hand))
                    .append(" |\n");
        });
        return out.toString();
    }

    /** Three significant digits, trailing zeros kept: 0.0625, 0.800, 12.3, 123. */
    private static String time(Double ns) {
        if (ns == null) {
            return DASH;
        }
        int decimals = ns > 0 ? Math.max(0, 2 - (int) Math.floor(Math.log10(ns))) : 0;
        return String.format(Locale.ROOT, "%." + decimals + "f", ns);
    }

    private static String ratio(Double numerator, Double denominator) {
        return numerator == null || denominator == null ? DASH
                : String.format(Locale.ROOT, "%.2fx", numerator / denominator);
    }

    private record Row(String kernel, int size) {
    }
}
