package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hotloop.testing.StrictJson;
import dev.hotloop.runtime.tier.TierRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFormatTest {

    /** Every character JSON must escape, and some it must not. */
    private static final String NASTY = "q\"uote b\\ackslash /slash new\nline ret\rurn tab\t nul\u0000 bell\u0007 "
            + "esc\u001b us\u001f del\u007f é \u2028 😀";

    private static ReportRow row(String method, String rewrite, String diagnostic) {
        return new ReportRow(method, 42, rewrite, diagnostic, 1_500_000, 3, 2_000, 150.25, 2_300.5);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return (Map<String, Object>) StrictJson.parse(json);
    }

    @Test
    void emptyReportIsValid() {
        Map<String, Object> doc = parse(JsonFormat.format(Map.of(), List.of(), List.of()));
        assertEquals(List.of(), doc.get("methods"));
    }

    @Test
    void fieldsRoundTripWithTheirTypes() {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("agent", "hotloop 0.1");
        context.put("options", "strict=true,threads=2");
        Map<String, Object> doc = parse(JsonFormat.format(context, List.of(
                row("a.B.dot(float[],float[])", "not rewritten", "a.B.dot(float[],float[]) line 42: why"),
                new ReportRow("a.B.never()", -1, "not rewritten", "d", 10, 0, -1, -1, 0)), List.of()));
        assertEquals(List.of("agent", "options", "methods", "loops"), List.copyOf(doc.keySet()));
        assertEquals("strict=true,threads=2", doc.get("options"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> methods = (List<Map<String, Object>>) doc.get("methods");
        assertEquals(2, methods.size());
        Map<String, Object> m = methods.get(0);
        assertEquals(List.of("method", "line", "rewrite", "diagnostic", "transformNanos", "calls", "firstCallNanos",
                "steadyNanosPerCall", "totalNanos"), List.copyOf(m.keySet()));
        assertEquals("a.B.dot(float[],float[])", m.get("method"));
        assertEquals(new BigDecimal("42"), m.get("line"));
        assertEquals(new BigDecimal("1500000"), m.get("transformNanos"));
        assertEquals(new BigDecimal("3"), m.get("calls"));
        assertEquals(new BigDecimal("2000"), m.get("firstCallNanos"));
        assertEquals(new BigDecimal("150.3"), m.get("steadyNanosPerCall"), "one decimal, rounded half up");
        assertEquals(0, new BigDecimal("2300.5").compareTo((BigDecimal) m.get("totalNanos")));
        Map<String, Object> never = methods.get(1);
        assertEquals(new BigDecimal("-1"), never.get("line"));
        assertEquals(0, new BigDecimal("-1").compareTo((BigDecimal) never.get("steadyNanosPerCall")));
    }

    @Test
    void stringsWithQuotesBackslashesAndControlCharactersRoundTrip() {
        Map<String, String> context = Map.of(NASTY, NASTY);
        Map<String, Object> doc = parse(JsonFormat.format(context, List.of(row(NASTY, NASTY, NASTY)), List.of()));
        assertEquals(NASTY, doc.get(NASTY));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = ((List<Map<String, Object>>) doc.get("methods")).get(0);
        assertEquals(NASTY, m.get("method"));
        assertEquals(NASTY, m.get("rewrite"));
        assertEquals(NASTY, m.get("diagnostic"));
    }

    @Test
    void measuredLoopsCarryBothFiguresAndUnknownsAsNull() {
        Map<String, Object> doc = parse(JsonFormat.format(Map.of(), List.of(), List.of(
                new TierRecord("a.B.dot(float[],float[]) line 42", "SIMD float x16, reduction +", true, 100, 500, 1000, 150_000_000L, null),
                new TierRecord("a.B.tiny(int[]) line 7", "SIMD int x16", false, -1, -1, -1, 0, "too short"))));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> loops = (List<Map<String, Object>>) doc.get("loops");
        assertEquals(2, loops.size());
        assertEquals("simd", loops.get(0).get("runs"));
        assertEquals(0, new BigDecimal("5").compareTo((BigDecimal) loops.get(0).get("speedup")));
        assertEquals(0, new BigDecimal("500").compareTo((BigDecimal) loops.get(0).get("originalNanosPerCall")));
        assertEquals(null, loops.get(0).get("notMeasured"));
        assertEquals("original", loops.get(1).get("runs"));
        assertEquals(null, loops.get(1).get("speedup"));
        assertEquals(null, loops.get(1).get("iterations"));
        assertEquals("too short", loops.get(1).get("notMeasured"));
    }

    @Test
    void escapesAreTheShortForms() {
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001f\"", JsonFormat.str("a\"b\\c\nd\re\tf\u0001g\u001f"));
        assertEquals("\"é/\u007f\"", JsonFormat.str("é/\u007f"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1,}", "[1,]", "{\"a\": \"x\ny\"}", "{\"a\": \"\\x\"}", "{\"a\": 01}", "{\"a\": NaN}",
        "{\"a\": 1} x", "{\"a\": 1, \"a\": 2}", "{\"a\" 1}", "{'a': 1}", "[1.]", "\"\\u12\"",
    })
    void theCheckerRejectsWhatJsonForbids(String bad) {
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse(bad));
    }
}
