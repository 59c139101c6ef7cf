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
        assertTrue(header.matches("\\[hotloop] +method +rewrite or reason +transform +calls +first call +steady/call +total"), header);
    }

    @Test
    void longTextWrapsOntoMoreLinesOfTheRowInsteadOfBeingCut() {
        String rewrite = "SIMD float x16, reduction +, unroll 4, fastMath (C2's SuperWord vectorizes the original too: the faster one runs)";
        List<String> lines = lines(TableFormat.format(List.of(row("a.B.m()", rewrite), row("a.B.n()", "r"))));
        assertEquals(5, lines.size(), "title, header, two lines for the long row, one for the short one");
        assertTrue(lines.get(2).contains("  SIMD float x16, reduction +, unroll 4, fastMath (C2's  "), lines.get(2));
        assertTrue(lines.get(3).strip().endsWith("  SuperWord vectorizes the original too: the faster one runs)"), lines.get(3));
        assertTrue(lines.get(3).matches("\\[hotloop] +\\S.*"), "the continuation holds only text: " + lines.get(3));
        assertTrue(lines.get(4).contains("a.B.n()"), lines.get(4));
        int width = lines.get(1).length();
        for (int i : new int[] {1, 2, 4}) {
            assertEquals(width, lines.get(i).length(), "misaligned: '" + lines.get(i) + "'");
        }
        assertEquals(lines.get(3).stripTrailing(), lines.get(3), "no trailing blanks after the text");
        assertEquals(lines.get(2).indexOf("SIMD"), lines.get(3).indexOf("SuperWord"), "the text continues in its column");
    }

    @Test
    void refusedLoopsShowTheirCodeAndReason() {
        ReportRow r = new ReportRow("a.B.m(long[])", 57, "not rewritten", "d", 1, 1, 1, 1, 1, List.of(
                new LoopResult(new LoopRecord(57, LoopRecord.VECTORIZE, false,
                        "not vectorized: a[i] depends on a[i-1] (loop-carried dependence)", RefusalCode.CARRIED_DEPENDENCE), null)));
        String table = TableFormat.format(List.of(r));
        assertTrue(table.contains("[carried-dependence] not vectorized: a[i] depends on"), table);
        assertTrue(table.contains("(loop-carried dependence)"), table);
    }

    @Test
    void wrapBreaksAtSpacesAndSplitsLongWords() {
        assertEquals(List.of("aaa bbb", "ccc"), TextWrap.wrap("aaa bbb ccc", 7));
        assertEquals(List.of("aaaaa", "aaa b"), TextWrap.wrap("aaaaaaaa b", 5));
        assertEquals(List.of(""), TextWrap.wrap("", 5));
    }
}
