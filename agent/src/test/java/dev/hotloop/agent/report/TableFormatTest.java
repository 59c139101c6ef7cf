package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFormatTest {

    private static List<String> lines(String table) {
        return List.of(table.split("\n"));
    }

    @Test
    void titleCountsMethods() {
        assertTrue(TableFormat.format(List.of(row("a.B.m()", "r"))).startsWith("[hotloop] exit report: 1 annotated method ("));
        assertTrue(TableFormat.format(List.of(row("a.B.m()", "r"), row("a.B.n()", "r")))
                .startsWith("[hotloop] exit report: 2 annotated methods ("));
    }

    private static ReportRow row(String method, String rewrite) {
        return new ReportRow(method, 1, rewrite, "d", 400_000, 12, 2_500_000, 850, 4_000_000);
    }

    @Test
    void everyRowHasTheSameWidthAndPrefix() {
        String table = TableFormat.format(List.of(
                row("a.B.m()", "not rewritten"),
                row("com.example.very.long.pkg.Kernels.dot(float[],float[])", "SIMD"),
                new ReportRow("x.Y.z(int)", 3, "x", "d", 2_100_000_000L, 1_234_567, 1_500_000_000L, 12_345, 9.9e9),
                new ReportRow("x.Y.never()", 3, "x", "d", 5, 0, -1, -1, 0)));
        List<String> lines = lines(table);
        assertEquals(6, lines.size(), "title, header and four rows");
        int width = lines.get(1).length();
        for (String l : lines.subList(1, lines.size())) {
            assertTrue(l.startsWith("[hotloop]  "), l);
            assertEquals(width, l.length(), "misaligned: '" + l + "'");
        }
        assertTrue(table.endsWith("\n"));
    }

    @Test
    void columnsUseReadableUnits() {
        String table = TableFormat.format(List.of(
                new ReportRow("x.Y.z(int)", 3, "x", "d", 400_000, 1_234_567, 2_500_000, 850, 2.1e9),
                new ReportRow("x.Y.never()", 3, "x", "d", 5, 0, -1, -1, 0)));
        String z = lines(table).get(2);
        assertTrue(z.matches(".*x\\.Y\\.z\\(int\\) +x +400\\.0 µs +1,234,567 +2\\.50 ms +850 ns +2\\.10 s"), z);
        String never = lines(table).get(3);
        assertTrue(never.matches(".*x\\.Y\\.never\\(\\) +x +5 ns +0 +- +- +-"), never);
    }

    @Test
    void headerNamesTheColumns() {
        String header = lines(TableFormat.format(List.of(row("a.B.m()", "r")))).get(1);
        assertTrue(header.matches("\\[hotloop] +method +rewrite +transform +calls +first call +steady/call +total"), header);
    }

    @Test
    void longRewriteIsClipped() {
        String rewrite = "x".repeat(60);
        String line = lines(TableFormat.format(List.of(row("a.B.m()", rewrite)))).get(2);
        assertTrue(line.contains("x".repeat(37) + "... "), line);
        assertTrue(!line.contains("x".repeat(38)), line);
    }
}
