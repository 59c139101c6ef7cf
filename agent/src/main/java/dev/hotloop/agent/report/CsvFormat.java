package dev.hotloop.agent.report;

import java.util.List;
import java.util.Locale;

/** The report file in CSV (RFC 4180 quoting), one row per annotated method, times in nanoseconds. */
final class CsvFormat {

    static final String HEADER = "method,line,rewrite,diagnostic,transform_ns,calls,first_call_ns,steady_ns_per_call,total_ns";

    private CsvFormat() {
    }

    static String format(List<ReportRow> rows) {
        StringBuilder b = new StringBuilder(HEADER).append("\r\n");
        for (ReportRow r : rows) {
            b.append(quote(r.method())).append(',').append(r.line()).append(',').append(quote(r.rewrite())).append(',')
                    .append(quote(r.diagnostic())).append(',').append(r.transformNanos()).append(',').append(r.calls())
                    .append(',').append(r.firstCallNanos()).append(',')
                    .append(String.format(Locale.ROOT, "%.1f,%.1f", r.steadyNanosPerCall(), r.totalNanos())).append("\r\n");
        }
        return b.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
