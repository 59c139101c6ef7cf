package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlFormatTest {

    private static final String EVIL = "<script>alert(\"x&y\")</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;";

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void textFromMethodsAndContextIsEscaped() {
        String html = HtmlFormat.format(Map.of("options", EVIL),
                List.of(new ReportRow(EVIL, 1, EVIL, EVIL, 10, 1, 10, -1, 10)));
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("\"x&y\""), html);
        assertEquals(4, count(html, ESCAPED), "context value, method, rewrite and diagnostic");
    }

    @Test
    void ampersandIsEscapedFirst() {
        String html = HtmlFormat.format(Map.of(), List.of(new ReportRow("a&lt;b", 1, "r", "d", 1, 1, 1, 1, 1)));
        assertTrue(html.contains("<td>a&amp;lt;b</td>"), html);
    }

    @Test
    void oneTableRowPerMethodAfterTheHeader() {
        String html = HtmlFormat.format(Map.of(), List.of(
                new ReportRow("a.B.m()", 1, "r", "d", 1_500, 1_234_567, 2_000_000, 850, 3_000_000_000.0),
                new ReportRow("a.B.n()", 2, "r", "d", 1, 0, -1, -1, 0)));
        assertEquals(3, count(html, "<tr>"));
        assertEquals(count(html, "<tr>"), count(html, "</tr>"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<td class=n>1,234,567</td>"), "calls grouped by thousands");
        assertTrue(html.contains("<td class=n>1.5 µs</td>"), "transform time in readable units");
        assertTrue(html.contains("<td class=n>2.00 ms</td>"));
        assertTrue(html.contains("<td class=n>850 ns</td>"));
        assertTrue(html.contains("<td class=n>3.00 s</td>"));
        assertTrue(html.contains("<td class=n>0</td><td class=n>-</td><td class=n>-</td><td class=n>-</td>"),
                "a method never called shows dashes");
    }
}
