package dev.hotloop.agent.report;

import dev.hotloop.runtime.tier.TierRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report file in JSON: the run's context, then one object per annotated method. */
final class JsonFormat {

    private JsonFormat() {
    }

    static String format(Map<String, String> context, List<ReportRow> rows, List<TierRecord> loops) {
        StringBuilder b = new StringBuilder("{\n");
        for (Map.Entry<String, String> e : context.entrySet()) {
            b.append("  ").append(str(e.getKey())).append(": ").append(str(e.getValue())).append(",\n");
        }
        b.append("  \"methods\": [");
        for (int i = 0; i < rows.size(); i++) {
            ReportRow r = rows.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"method\": ").append(str(r.method()))
                    .append(", \"line\": ").append(r.line())
                    .append(", \"rewrite\": ").append(str(r.rewrite()))
                    .append(", \"diagnostic\": ").append(str(r.diagnostic()))
                    .append(", \"transformNanos\": ").append(r.transformNanos())
                    .append(", \"calls\": ").append(r.calls())
                    .append(", \"firstCallNanos\": ").append(r.firstCallNanos())
                    .append(", \"steadyNanosPerCall\": ").append(num(r.steadyNanosPerCall()))
                    .append(", \"totalNanos\": ").append(num(r.totalNanos()))
                    .append('}');
        }
        b.append(rows.isEmpty() ? "],\n" : "\n  ],\n");
        return b.append("  \"loops\": ").append(TierSection.json(loops)).append("\n}\n").toString();
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
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
