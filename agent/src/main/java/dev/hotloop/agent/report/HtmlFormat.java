package dev.hotloop.agent.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report file as one self-contained HTML page. */
final class HtmlFormat {

    private HtmlFormat() {
    }

    static String format(Map<String, String> context, List<ReportRow> rows) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hotloop report</title>\n")
                .append("<style>body{font-family:sans-serif}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px}td.n{text-align:right}</style></head><body>\n")
                .append("<h1>Hotloop report</h1>\n<ul>\n");
        context.forEach((k, v) -> b.append("<li>").append(esc(k)).append(": ").append(esc(v)).append("</li>\n"));
        b.append("</ul>\n<table>\n<tr><th>method</th><th>rewrite</th><th>transform</th><th>calls</th>")
                .append("<th>first call</th><th>steady/call</th><th>total</th><th>diagnostic</th></tr>\n");
        for (ReportRow r : rows) {
            b.append("<tr><td>").append(esc(r.method())).append("</td><td>").append(esc(r.rewrite()))
                    .append("</td><td class=n>").append(esc(Durations.format(r.transformNanos())))
                    .append("</td><td class=n>").append(String.format(Locale.ROOT, "%,d", r.calls()))
                    .append("</td><td class=n>").append(esc(Durations.format(r.firstCallNanos())))
                    .append("</td><td class=n>").append(esc(Durations.format(r.steadyNanosPerCall())))
                    .append("</td><td class=n>").append(esc(Durations.format(r.calls() == 0 ? -1 : r.totalNanos())))
                    .append("</td><td>").append(esc(r.diagnostic())).append("</td></tr>\n");
        }
        return b.append("</table>\n</body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
