package dev.hotloop.agent.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The exit table printed to standard error, every line prefixed with {@code [hotloop]}. */
final class TableFormat {

    private static final String[] HEADER = {"method", "rewrite", "transform", "calls", "first call", "steady/call", "total"};
    private static final int REWRITE_WIDTH = 40;

    private TableFormat() {
    }

    static String format(List<ReportRow> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (ReportRow r : rows) {
            cells.add(new String[] {
                r.method(), clip(r.rewrite()), Durations.format(r.transformNanos()),
                String.format(Locale.ROOT, "%,d", r.calls()), Durations.format(r.firstCallNanos()),
                Durations.format(r.steadyNanosPerCall()), Durations.format(r.calls() == 0 ? -1 : r.totalNanos()),
            });
        }
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("[hotloop] exit report: ").append(rows.size()).append(rows.size() == 1 ? " annotated method" : " annotated methods")
                .append(" (first call includes JIT compilation; steady/call is the mean of later calls)\n");
        for (String[] row : cells) {
            b.append("[hotloop]");
            for (int c = 0; c < row.length; c++) {
                boolean left = c < 2;
                String fmt = left ? "%-" + width[c] + "s" : "%" + width[c] + "s";
                b.append("  ").append(String.format(Locale.ROOT, fmt, row[c]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String clip(String s) {
        return s.length() <= REWRITE_WIDTH ? s : s.substring(0, REWRITE_WIDTH - 3) + "...";
    }
}
