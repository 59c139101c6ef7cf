package dev.hotloop.agent.report;

import java.util.List;
import java.util.Locale;

/**
 * The report file in CSV (RFC 4180 quoting), one row per annotated method, times in nanoseconds;
 * an unknown value is an empty field.
 */
final class CsvFormat {

    static final String HEADER = "method,line,outcome,rewrite,code,diagnostic,transform_ns,calls,first_call_ns,"
            + "steady_ns_per_call,total_ns,speedup";

    private CsvFormat() {
    }

    static String format(List<ReportRow> rows) {
        StringBuilder b = new StringBuilder(HEADER).append("\r\n");
        for (ReportRow r : rows) {
            b.append(quote(r.method())).append(',').append(r.line() < 0 ? "" : Integer.toString(r.line())).append(',')
                    .append(r.outcome()).append(',').append(quote(r.rewrite())).append(',')
                    .append(r.code() == null ? "" : r.code().code()).append(',')
                    .append(quote(r.diagnostic())).append(',').append(r.transformNanos()).append(',').append(r.calls())
                    .append(',').append(r.firstCallNanos() < 0 ? "" : Long.toString(r.firstCallNanos())).append(',')
                    .append(num(r.steadyNanosPerCall(), "%.1f")).append(',').append(num(r.totalNanos(), "%.1f")).append(',')
                    .append(num(r.speedup(), "%.3f")).append("\r\n");
        }
        return b.toString();
    }

    private static String num(double d, String format) {
        String s = JsonFormat.num(d, format);
        return s.equals("null") ? "" : s;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
