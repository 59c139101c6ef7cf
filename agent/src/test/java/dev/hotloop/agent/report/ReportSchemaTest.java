package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.hotloop.runtime.tier.TierRecord;
import dev.hotloop.testing.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON report against the versioned schema in {@code docs/report-schema.json}: what the agent
 * writes validates, and the schema is strict enough to reject the old shapes ({@code -1} for
 * unknown, {@code cores} as a string, options as one string).
 */
public class ReportSchemaTest {

    /** @return {@code docs/report-schema.json}, found from the module or the repository root */
    public static Path schemaFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path f = dir.resolve("docs/report-schema.json");
            if (Files.isRegularFile(f)) {
                return f;
            }
            dir = dir.getParent();
        }
        throw new AssertionError("docs/report-schema.json not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * @param json a report
     * @return the schema's complaints, empty when valid
     * @throws IOException when the schema cannot be read
     */
    public static List<String> violations(String json) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(schemaFile(), StandardCharsets.UTF_8), InputFormat.JSON);
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(json, InputFormat.JSON)) {
            out.add(e.toString());
        }
        return out;
    }

    private static String report() {
        TierRecord measured = new TierRecord("a.B.m(float[]) line 10", "SIMD float x16", true, 100, 500, 1000, 150_000_000L, null);
        TierRecord unmeasured = new TierRecord("a.B.m(float[]) line 20", "SIMD int x16", false, -1, -1, -1, 0, "too large");
        List<LoopRecord> loops = List.of(
                new LoopRecord(10, LoopRecord.VECTORIZE, true, "SIMD float x16", null),
                new LoopRecord(20, LoopRecord.VECTORIZE, true, "SIMD int x16", null),
                new LoopRecord(30, LoopRecord.VECTORIZE, false, "not vectorized: a[i] depends on a[i-1]", RefusalCode.CARRIED_DEPENDENCE),
                new LoopRecord(-1, LoopRecord.PARALLEL, false, "@Parallel found no suitable loop", RefusalCode.NO_LOOP),
                new LoopRecord(50, LoopRecord.PARALLEL, true, "parallel loop over i", null));
        List<ReportRow> rows = List.of(
                new ReportRow("a.B.m(float[])", 10, "x", "d", 1, 5, 100, 10.5, 300, LoopResult.join("a.B.m(float[])", loops,
                        List.of(measured, unmeasured))),
                new ReportRow("a.B.never()", -1, "not rewritten", "d", 10, 0, -1, -1, 0));
        return JsonFormat.format(JsonFormatTest.CONTEXT, rows, List.of(measured, unmeasured));
    }

    @Test
    void theReportValidates() throws IOException {
        String json = report();
        assertEquals(List.of(), violations(json), json);
    }

    @Test
    void theSchemaRejectsTheOldShapes() throws IOException {
        String json = report();
        assertFalse(violations(json.replace("\"cores\": 2", "\"cores\": \"2\"")).isEmpty(), "cores as a string");
        assertFalse(violations(json.replaceFirst("\"firstCallNanos\": null", "\"firstCallNanos\": -1")).isEmpty(), "-1 for unknown");
        assertFalse(violations(json.replaceFirst("\"options\": \\{[^}]*}", "\"options\": \"strict=true\"")).isEmpty(),
                "options as a string");
        assertFalse(violations(json.replace("\"carried-dependence\"", "\"no-such-code\"")).isEmpty(), "an unknown code");
        assertFalse(violations(json.replace("\"code\": \"no-loop\"", "\"code\": null")).isEmpty(), "a refusal without code");
    }

    @Test
    void theSchemaListsEveryRefusalCode() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = (Map<String, Object>) StrictJson.parse(Files.readString(schemaFile(), StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, Object> code = (Map<String, Object>) ((Map<String, Object>) schema.get("$defs")).get("code");
        List<Object> listed = new ArrayList<>((List<?>) code.get("enum"));
        assertTrue(listed.remove(null), "null: a loop that was rewritten");
        assertEquals(Arrays.stream(RefusalCode.values()).map(RefusalCode::code).toList(), listed);
    }

    @Test
    void theDocumentationListsEveryRefusalCode() throws IOException {
        String doc = Files.readString(schemaFile().resolveSibling("reports.md"), StandardCharsets.UTF_8);
        for (RefusalCode c : RefusalCode.values()) {
            assertTrue(doc.contains("`" + c.code() + "`"), c.code() + " is not in docs/reports.md");
        }
    }
}
