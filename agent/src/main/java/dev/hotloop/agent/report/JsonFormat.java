package dev.hotloop.agent.report;

import dev.hotloop.runtime.tier.TierRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report file in JSON, as {@code docs/report-schema.json} describes it: the run's context,
 * one object per annotated method with one object per annotated loop, and the measurements of the
 * tiered SIMD loops. Numbers are numbers; what is unknown is {@code null}.
 */
final class JsonFormat {

    /** Bumped on any change a reader could notice; additions of optional fields included. */
    static final int SCHEMA_VERSION = 1;

    private JsonFormat() {
    }

    static String format(RunContext context, List<ReportRow> rows, List<TierRecord> measurements) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"schemaVersion\": ").append(SCHEMA_VERSION).append(",\n")
                .append("  \"agent\": ").append(str(context.agent())).append(",\n")
                .append("  \"agentVersion\": ").append(str(context.agentVersion())).append(",\n")
                .append("  \"java\": ").append(str(context.java())).append(",\n")
                .append("  \"cores\": ").append(context.cores()).append(",\n")
                .append("  \"vectorApi\": ").append(context.vectorApi()).append(",\n")
                .append("  \"options\": ").append(object(context.options())).append(",\n")
                .append("  \"methods\": [");
        for (int i = 0; i < rows.size(); i++) {
            ReportRow r = rows.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"method\": ").append(str(r.method()))
                    .append(", \"line\": ").append(line(r.line()))
                    .append(", \"outcome\": ").append(str(r.outcome()))
                    .append(", \"rewrite\": ").append(str(r.rewrite()))
                    .append(", \"diagnostic\": ").append(str(r.diagnostic()))
                    .append(", \"transformNanos\": ").append(r.transformNanos())
                    .append(", \"calls\": ").append(r.calls())
                    .append(", \"firstCallNanos\": ").append(r.firstCallNanos() < 0 ? "null" : Long.toString(r.firstCallNanos()))
                    .append(", \"steadyNanosPerCall\": ").append(num(r.steadyNanosPerCall(), "%.1f"))
                    .append(", \"totalNanos\": ").append(num(r.totalNanos(), "%.1f"))
                    .append(",\n      \"loops\": [");
            for (int j = 0; j < r.loops().size(); j++) {
                b.append(j == 0 ? "\n" : ",\n").append("        ").append(loop(r.loops().get(j)));
            }
            b.append(r.loops().isEmpty() ? "]}" : "\n      ]}");
        }
        b.append(rows.isEmpty() ? "],\n" : "\n  ],\n");
        return b.append("  \"measurements\": ").append(TierSection.json(measurements)).append("\n}\n").toString();
    }

    private static String loop(LoopResult l) {
        LoopRecord d = l.loop();
        StringBuilder b = new StringBuilder("{")
                .append("\"line\": ").append(line(d.line()))
                .append(", \"annotation\": ").append(str(d.kind()))
                .append(", \"outcome\": ").append(str(l.outcome()))
                .append(", \"summary\": ").append(str(d.summary()))
                .append(", \"code\": ").append(d.code() == null ? "null" : str(d.code().code()))
                .append(", \"fix\": ").append(l.fix() == null ? "null" : str(l.fix()))
                .append(", \"tier\": ").append(l.tierState() == null ? "null" : str(l.tierState()))
                .append(", \"speedup\": ").append(num(l.speedup(), "%.3f"));
        TierRecord t = l.tier();
        b.append(", \"simdNanosPerCall\": ").append(t == null ? "null" : num(t.simdNanos(), "%.3f"))
                .append(", \"originalNanosPerCall\": ").append(t == null ? "null" : num(t.scalarNanos(), "%.3f"));
        return b.append('}').toString();
    }

    private static String object(Map<String, Object> map) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Object> e : map.entrySet()) {
            b.append(b.length() == 1 ? "" : ", ").append(str(e.getKey())).append(": ");
            Object v = e.getValue();
            b.append(v == null ? "null" : v instanceof Number || v instanceof Boolean ? v.toString() : str(v.toString()));
        }
        return b.append('}').toString();
    }

    private static String line(int line) {
        return line < 0 ? "null" : Integer.toString(line);
    }

    /** @return the number with the given format, or null when negative (unknown) or NaN */
    static String num(double d, String format) {
        return d < 0 || Double.isNaN(d) || Double.isInfinite(d) ? "null" : String.format(Locale.ROOT, format, d);
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
