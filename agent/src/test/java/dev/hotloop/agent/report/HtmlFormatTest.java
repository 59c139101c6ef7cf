package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlFormatTest {

    static final RunContext CONTEXT = new RunContext("0.1", "a JVM", 2, true, Map.of("strict", true));

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
        String html = HtmlFormat.format(new RunContext("0.1", "a JVM", 2, true, Map.of("report", EVIL)),
                List.of(new ReportRow(EVIL, 1, EVIL, EVIL, 10, 1, 10, -1, 10)), List.of()).replace("<wbr>", "");
        assertEquals(1, count(html, "<script>"), "only the page's own script: " + html);
        assertFalse(html.contains("\"x&y\""), html);
        assertEquals(3, count(html, ESCAPED), "option value, method and rewrite (the diagnostic repeats them and is not shown)");
    }

    @Test
    void ampersandIsEscapedFirst() {
        String html = HtmlFormat.format(CONTEXT, List.of(new ReportRow("a&lt;b", 1, "r", "d", 1, 1, 1, 1, 1)), List.of())
                .replace("<wbr>", "");
        assertTrue(html.contains("<code>a&amp;lt;b</code>"), html);
    }

    @Test
    void oneTableRowPerMethodAfterTheHeader() {
        String html = HtmlFormat.format(CONTEXT, List.of(
                new ReportRow("a.B.m()", 1, "r", "d", 1_500, 1_234_567, 2_000_000, 850, 3_000_000_000.0),
                new ReportRow("a.B.n()", 2, "r", "d", 1, 0, -1, -1, 0)), List.of());
        String body = html.substring(html.indexOf("<table id=\"methods\""));
        assertEquals(3, count(body, "<tr"));
        assertEquals(count(body, "<tr"), count(body, "</tr>"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<td class=\"n\" data-v=\"1234567\">1,234,567</td>"), "calls grouped by thousands");
        assertTrue(html.contains("<td class=\"n\" data-v=\"1500\">1.5 µs</td>"), "transform time in readable units");
        assertTrue(html.contains(">2.00 ms</td>"));
        assertTrue(html.contains(">850 ns</td>"));
        assertTrue(html.contains(">3.00 s</td>"));
        assertTrue(html.contains("<td class=\"n\" data-v=\"0\">0</td><td class=\"n\" data-v=\"\">-</td><td class=\"n\" data-v=\"\">-</td>"
                + "<td class=\"n\" data-v=\"\">-</td>"), "a method never called shows dashes, and sorts last");
    }
}
