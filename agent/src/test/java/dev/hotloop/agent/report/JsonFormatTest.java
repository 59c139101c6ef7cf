package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hotloop.runtime.tier.TierRecord;
import dev.hotloop.testing.StrictJson;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFormatTest {

    /** Every character JSON must escape, and some it must not. */
    static final String NASTY = "q\"uote b\\ackslash /slash new\nline ret\rurn tab\t nul\u0000 bell\u0007 "
            + "esc\u001b us\u001f del\u007f é \u2028 😀";

    static final RunContext CONTEXT = new RunContext("0.1", "OpenJDK 64-Bit Server VM 17", 2, true,
            RunContext.typed("enabled=true,vectorize=true,parallel=true,strict=true,threads=2,report=out.json,log=info,cache=off"));

    static ReportRow row(String method, String rewrite, String diagnostic) {
        return new ReportRow(method, 42, rewrite, diagnostic, 1_500_000, 3, 2_000, 150.25, 2_300.5);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return (Map<String, Object>) StrictJson.parse(json);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void emptyReportIsValid() {
        Map<String, Object> doc = parse(JsonFormat.format(CONTEXT, List.of(), List.of()));
        assertEquals(List.of(), doc.get("methods"));
        assertEquals(List.of(), doc.get("measurements"));
    }

    @Test
    void contextIsTypedCoresANumberOptionsAnObject() {
        Map<String, Object> doc = parse(JsonFormat.format(CONTEXT, List.of(), List.of()));
        assertEquals(List.of("schemaVersion", "agent", "agentVersion", "java", "cores", "vectorApi", "options", "methods",
                "measurements"), List.copyOf(doc.keySet()));
        assertEquals(new BigDecimal("1"), doc.get("schemaVersion"));
        assertEquals("hotloop 0.1", doc.get("agent"));
        assertEquals(new BigDecimal("2"), doc.get("cores"));
        assertEquals(Boolean.TRUE, doc.get("vectorApi"));
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) doc.get("options");
        assertEquals(Boolean.TRUE, options.get("strict"));
        assertEquals(new BigDecimal("2"), options.get("threads"));
        assertEquals("out.json", options.get("report"));
        assertEquals("off", options.get("cache"));
    }

    @Test
    void optionValuesWithCommasStayWhole() {
        Map<String, Object> o = RunContext.typed("report=a,b.json,threads=4,dump=/tmp/x,y");
        assertEquals(Map.of("report", "a,b.json", "threads", 4, "dump", "/tmp/x,y"), o);
    }

    @Test
    void methodFieldsRoundTripWithTheirTypesAndUnknownsAsNull() {
        Map<String, Object> doc = parse(JsonFormat.format(CONTEXT, List.of(
                row("a.B.dot(float[],float[])", "not rewritten", "a.B.dot(float[],float[]) line 42: why"),
                new ReportRow("a.B.never()", -1, "not rewritten", "d", 10, 0, -1, -1, 0)), List.of()));
        List<Map<String, Object>> methods = list(doc.get("methods"));
        assertEquals(2, methods.size());
        Map<String, Object> m = methods.get(0);
        assertEquals(List.of("method", "line", "outcome", "rewrite", "diagnostic", "transformNanos", "calls", "firstCallNanos",
                "steadyNanosPerCall", "totalNanos", "loops"), List.copyOf(m.keySet()));
        assertEquals("a.B.dot(float[],float[])", m.get("method"));
        assertEquals(new BigDecimal("42"), m.get("line"));
        assertEquals(new BigDecimal("1500000"), m.get("transformNanos"));
        assertEquals(new BigDecimal("3"), m.get("calls"));
        assertEquals(new BigDecimal("2000"), m.get("firstCallNanos"));
        assertEquals(new BigDecimal("150.3"), m.get("steadyNanosPerCall"), "one decimal, rounded half up");
        assertEquals(0, new BigDecimal("2300.5").compareTo((BigDecimal) m.get("totalNanos")));
        Map<String, Object> never = methods.get(1);
        assertNull(never.get("line"), "no -1 for an unknown line");
        assertNull(never.get("firstCallNanos"), "never called");
        assertNull(never.get("steadyNanosPerCall"), "never called");
        assertEquals("refused", never.get("outcome"));
    }

    @Test
    void loopsCarryOutcomeCodeFixAndMeasuredSpeedup() {
        TierRecord measured = new TierRecord("a.B.m(float[]) line 10", "SIMD float x16", true, 100, 500, 1000, 150_000_000L, null);
        TierRecord slower = new TierRecord("a.B.m(float[]) line 20", "SIMD float x8", false, 400, 300, 1000, 90_000_000L, null);
        List<LoopRecord> loops = List.of(
                new LoopRecord(10, LoopRecord.VECTORIZE, true, "SIMD float x16", null),
                new LoopRecord(20, LoopRecord.VECTORIZE, true, "SIMD float x8", null),
                new LoopRecord(30, LoopRecord.VECTORIZE, true, "SIMD int x16", null),
                new LoopRecord(40, LoopRecord.VECTORIZE, false, "kept scalar: a float sum must keep its order; add ...",
                        RefusalCode.ORDERED_REDUCTION),
                new LoopRecord(50, LoopRecord.PARALLEL, true, "parallel loop over i: 2 threads", null));
        ReportRow r = new ReportRow("a.B.m(float[])", 10, "x", "d", 1, 1, 1, 1, 1,
                LoopResult.join("a.B.m(float[])", loops, List.of(measured, slower)));
        Map<String, Object> m = list(parse(JsonFormat.format(CONTEXT, List.of(r), List.of(measured, slower))).get("methods")).get(0);
        assertEquals("kept", m.get("outcome"), "some loops run as written");
        List<Map<String, Object>> l = list(m.get("loops"));
        assertEquals(List.of("rewritten", "kept", "rewritten", "refused", "rewritten"), l.stream().map(x -> x.get("outcome")).toList());
        assertEquals(Boolean.TRUE, l.get(0).get("tier").equals("simd"));
        assertEquals(0, new BigDecimal("5").compareTo((BigDecimal) l.get(0).get("speedup")));
        assertEquals("original", l.get(1).get("tier"));
        assertEquals("pending", l.get(2).get("tier"));
        assertNull(l.get(2).get("speedup"));
        assertEquals("ordered-reduction", l.get(3).get("code"));
        assertEquals(RefusalCode.ORDERED_REDUCTION.fix(), l.get(3).get("fix"));
        assertNull(l.get(3).get("tier"));
        assertEquals("parallel", l.get(4).get("annotation"));
        assertNull(l.get(4).get("tier"));
        assertNull(l.get(4).get("code"));
    }

    @Test
    void aParallelSimdLoopFindsItsMeasurementInItsChunkMethod() {
        TierRecord inChunk = new TierRecord("a.B.hotloop$parallel$0(double[],int,int) line 53", "SIMD double x8", true,
                100, 300, 64, 1, null);
        TierRecord otherClass = new TierRecord("a.C.hotloop$parallel$0(double[],int,int) line 53", "SIMD double x8", false,
                100, 50, 64, 1, null);
        List<LoopResult> r = LoopResult.join("a.B.mul(double[])", List.of(
                new LoopRecord(52, LoopRecord.PARALLEL, true, "parallel loop over i", null),
                new LoopRecord(53, LoopRecord.VECTORIZE, true, "SIMD double x8", null)), List.of(otherClass, inChunk));
        assertNull(r.get(0).tier());
        assertEquals(inChunk, r.get(1).tier());
        assertEquals("simd", r.get(1).tierState());
    }

    @Test
    void stringsWithQuotesBackslashesAndControlCharactersRoundTrip() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put(NASTY, NASTY);
        Map<String, Object> doc = parse(JsonFormat.format(new RunContext(NASTY, NASTY, 1, false, options),
                List.of(row(NASTY, NASTY, NASTY)), List.of()));
        assertEquals(NASTY, doc.get("java"));
        assertEquals(Map.of(NASTY, NASTY), doc.get("options"));
        Map<String, Object> m = list(doc.get("methods")).get(0);
        assertEquals(NASTY, m.get("method"));
        assertEquals(NASTY, m.get("rewrite"));
        assertEquals(NASTY, m.get("diagnostic"));
    }

    @Test
    void measurementsCarryBothFiguresAndUnknownsAsNull() {
        Map<String, Object> doc = parse(JsonFormat.format(CONTEXT, List.of(), List.of(
                new TierRecord("a.B.dot(float[],float[]) line 42", "SIMD float x16, reduction +", true, 100, 500, 1000, 150_000_000L, null),
                new TierRecord("a.B.tiny(int[]) line 7", "SIMD int x16", false, -1, -1, -1, 0, "too short"))));
        List<Map<String, Object>> loops = list(doc.get("measurements"));
        assertEquals(2, loops.size());
        assertEquals("simd", loops.get(0).get("runs"));
        assertEquals(0, new BigDecimal("5").compareTo((BigDecimal) loops.get(0).get("speedup")));
        assertEquals(0, new BigDecimal("500").compareTo((BigDecimal) loops.get(0).get("originalNanosPerCall")));
        assertNull(loops.get(0).get("notMeasured"));
        assertEquals("original", loops.get(1).get("runs"));
        assertNull(loops.get(1).get("speedup"));
        assertNull(loops.get(1).get("iterations"));
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
