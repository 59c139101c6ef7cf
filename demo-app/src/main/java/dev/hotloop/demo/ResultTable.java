package dev.hotloop.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the rows as a plain-text table with aligned columns, numbers right-aligned, so that two
 * runs (with and without the agent) can be put side by side or diffed.
 */
final class ResultTable {

    private static final String[] HEADER =
            {"example", "size", "mode", "first call (ms)", "steady (us/call)", "checksum"};
    private static final boolean[] RIGHT = {false, false, false, true, true, false};
    private static final String GAP = "  ";

    private ResultTable() {
    }

    /**
     * Prints a header line, a rule, and one line per row.
     *
     * @param rows the rows, in order
     * @param out where to print
     */
    static void print(List<Row> rows, PrintStream out) {
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = HEADER;
        for (int r = 0; r < rows.size(); r++) {
            cells[r + 1] = cells(rows.get(r));
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        out.println(format(cells[0], widths));
        out.println(rule(widths));
        for (int r = 1; r < cells.length; r++) {
            out.println(format(cells[r], widths));
        }
    }

    private static String[] cells(Row row) {
        return new String[] {
            row.example(),
            row.size(),
            row.mode(),
            String.format(Locale.ROOT, "%.3f", row.firstNanos() / 1e6),
            String.format(Locale.ROOT, "%.1f", row.steadyNanos() / 1e3),
            row.checksum(),
        };
    }

    private static String format(String[] line, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < line.length; c++) {
            if (c > 0) {
                sb.append(GAP);
            }
            String pad = " ".repeat(widths[c] - line[c].length());
            boolean last = c == line.length - 1;
            if (RIGHT[c]) {
                sb.append(pad).append(line[c]);
            } else {
                sb.append(line[c]).append(last ? "" : pad);
            }
        }
        return sb.toString();
    }

    private static String rule(int[] widths) {
        int total = GAP.length() * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        return "-".repeat(total);
    }
}
