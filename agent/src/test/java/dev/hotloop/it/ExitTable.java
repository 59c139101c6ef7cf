package dev.hotloop.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit table the agent prints on standard error, read back: one row per method, cells split
 * on the runs of two or more spaces that separate the columns; a line with only text continues the
 * "rewrite or reason" cell of the row above (long text wraps, it is never cut).
 */
final class ExitTable {

    private static final String TITLE = "[hotloop] exit report: ";
    private static final int COLUMNS = 7;

    private ExitTable() {
    }

    /**
     * One row.
     *
     * @param method  {@code app.Cls.m(int[])}
     * @param rewrite the rewrite column
     * @param calls   the calls column
     */
    record Row(String method, String rewrite, long calls) {
    }

    /**
     * @param stderr a child's standard error
     * @return the rows by method, in the table's order; empty when there is no table
     * @throws IllegalArgumentException when a row does not have the table's shape
     */
    static Map<String, Row> parse(String stderr) {
        Map<String, Row> rows = new LinkedHashMap<>();
        int at = stderr.indexOf(TITLE);
        if (at < 0) {
            return rows;
        }
        String[] lines = stderr.substring(at).split("\\R");
        // lines[0] is the title, lines[1] the header; rows follow, as long as they are the table's.
        for (int i = 2; i < lines.length && lines[i].startsWith("[hotloop]  "); i++) {
            String[] cells = lines[i].substring("[hotloop]".length()).trim().split("\\s{2,}");
            if (cells.length == 1 && !rows.isEmpty()) {
                Row last = rows.values().stream().reduce((a, b) -> b).orElseThrow();
                rows.put(last.method(), new Row(last.method(), last.rewrite() + " " + cells[0], last.calls()));
                continue;
            }
            if (cells.length != COLUMNS) {
                throw new IllegalArgumentException("exit table row with " + cells.length + " cells: " + lines[i]);
            }
            rows.put(cells[0], new Row(cells[0], cells[1], Long.parseLong(cells[3].replace(",", ""))));
        }
        return rows;
    }

    /**
     * @param stderr a child's standard error
     * @return the number the title gives, {@code N annotated methods}; -1 when there is no table
     */
    static int announcedRows(String stderr) {
        int at = stderr.indexOf(TITLE);
        if (at < 0) {
            return -1;
        }
        String rest = stderr.substring(at + TITLE.length());
        return Integer.parseInt(rest.substring(0, rest.indexOf(' ')));
    }
}
