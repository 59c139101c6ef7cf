package dev.hotloop.agent.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The exit table printed to standard error, every line prefixed with {@code [hotloop]}. The
 * "rewrite or reason" column says what each loop became, or why not with its code
 * ({@code [carried-dependence] not vectorized: ...}); long text wraps onto further lines of the
 * row, never cut.
 */
final class TableFormat {

    private static final String[] HEADER = {"method", "rewrite or reason", "transform", "calls", "first call", "steady/call", "total"};
    static final int TEXT_WIDTH = 60;

    private TableFormat() {
    }

    static String format(List<ReportRow> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (ReportRow r : rows) {
            List<String> text = text(r);
            cells.add(new String[] {
                r.method(), text.get(0), Durations.format(r.transformNanos()),
                Decimals.grouped(r.calls()), Durations.format(r.firstCallNanos()),
                Durations.format(r.steadyNanosPerCall()), Durations.format(r.calls() == 0 ? -1 : r.totalNanos()),
            });
            for (String more : text.subList(1, text.size())) {
                cells.add(new String[] {"", more, "", "", "", "", ""});
            }
        }
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("[hotloop] exit report: ").append(rows.size()).append(rows.size() == 1 ? " annotated method" : " annotated methods")
                .append(" (first call includes JIT compilation; steady/call is the time per call once compiled)\n");
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder("[hotloop]");
            for (int c = 0; c < row.length; c++) {
                line.append("  ").append(Decimals.pad(row[c], width[c], c < 2));
            }
            b.append(line.toString().stripTrailing()).append('\n'); // a continuation line ends with its text
        }
        return b.toString();
    }

    /** @return the row's "rewrite or reason" text, wrapped: one paragraph per loop */
    static List<String> text(ReportRow r) {
        List<String> out = new ArrayList<>();
        if (r.loops().isEmpty()) {
            out.addAll(TextWrap.wrap(r.rewrite(), TEXT_WIDTH));
            return out;
        }
        boolean many = r.loops().size() > 1;
        for (LoopResult l : r.loops()) {
            StringBuilder p = new StringBuilder();
            if (many && l.loop().line() >= 0) {
                p.append("line ").append(l.loop().line()).append(": ");
            }
            if (l.loop().code() != null) {
                p.append('[').append(l.loop().code().code()).append("] ");
            }
            p.append(l.loop().summary());
            if (LoopResult.KEPT.equals(l.outcome())) {
                p.append(Double.isNaN(l.speedup()) ? "; the original loop runs (not measured)"
                        : "; the original loop runs (SIMD measured " + Decimals.fixed(l.speedup(), 2) + "x)");
            } else if ("simd".equals(l.tierState())) {
                p.append("; runs, ").append(Decimals.fixed(l.speedup(), 2)).append("x faster");
            }
            out.addAll(TextWrap.wrap(p.toString(), TEXT_WIDTH));
        }
        return out;
    }
}
