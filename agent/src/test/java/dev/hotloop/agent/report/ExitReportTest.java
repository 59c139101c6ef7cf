package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.ReportTarget;
import dev.hotloop.runtime.Timings;
import dev.hotloop.testing.CsvReader;
import dev.hotloop.testing.StrictJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitReportTest {

    @TempDir
    Path dir;

    private final RecordingDiagnostics diagnostics = new RecordingDiagnostics();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final MethodCatalog catalog = new MethodCatalog();

    private ExitReport report(ReportTarget target) {
        return new ExitReport(catalog, target, new RunContext("test", "a JVM", 2, true, Map.of()), diagnostics,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Seventeen calls: the first and the seventeenth are timed (one in 16). */
    private int timedMethodCalled17Times() {
        int id = Timings.register("ExitReportTest/" + UUID.randomUUID());
        for (int i = 0; i < 17; i++) {
            Timings.exit(Timings.enter(id), id);
        }
        return id;
    }

    @Test
    void rowsJoinRecordsWithTheRuntimeCounters() {
        int id = timedMethodCalled17Times();
        catalog.add(new MethodRecord(id, "a.B.timed()", 3, "not rewritten", "diag", 77));
        catalog.add(new MethodRecord(-1, "a.B.untimed()", 4, "not rewritten", "diag", 5));
        List<ReportRow> rows = report(new ReportTarget(ReportTarget.Kind.STDERR, null)).rows();
        assertEquals(2, rows.size());
        ReportRow timed = rows.get(0);
        assertEquals(17, timed.calls());
        assertTrue(timed.firstCallNanos() >= 0);
        assertTrue(timed.steadyNanosPerCall() >= 0);
        assertEquals(77, timed.transformNanos());
        ReportRow untimed = rows.get(1);
        assertEquals(0, untimed.calls());
        assertEquals(-1, untimed.firstCallNanos());
        assertEquals(-1, untimed.steadyNanosPerCall());
    }

    @Test
    void stderrTargetPrintsTheTable() {
        catalog.add(new MethodRecord(timedMethodCalled17Times(), "a.B.m()", 3, "not rewritten", "d", 1));
        report(new ReportTarget(ReportTarget.Kind.STDERR, null)).emit();
        String out = err.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("[hotloop] exit report: 1 annotated method"), out);
        assertTrue(out.contains("a.B.m()"));
    }

    @Test
    void offTargetAndEmptyCatalogPrintNothing() {
        report(new ReportTarget(ReportTarget.Kind.STDERR, null)).emit();
        catalog.add(new MethodRecord(-1, "a.B.m()", 3, "r", "d", 1));
        report(new ReportTarget(ReportTarget.Kind.OFF, null)).emit();
        assertEquals(0, err.size());
        assertTrue(diagnostics.entries().isEmpty());
    }

    @Test
    void jsonFileIsWrittenInNewDirectoriesAndAnnounced() throws IOException {
        catalog.add(new MethodRecord(timedMethodCalled17Times(), "a.B.m()", 3, "r", "d", 1));
        Path file = dir.resolve("sub/dir/report.json");
        report(new ReportTarget(ReportTarget.Kind.JSON, file)).emit();
        Object doc = StrictJson.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertTrue(doc instanceof Map<?, ?> m && "hotloop test".equals(m.get("agent")));
        assertEquals(List.of("report written to " + file.toAbsolutePath()), diagnostics.entries().stream()
                .map(RecordingDiagnostics.Entry::message).toList());
        assertEquals(0, err.size());
    }

    @Test
    void csvAndHtmlFilesAreWritten() throws IOException {
        catalog.add(new MethodRecord(-1, "a.B.m()", 3, "r", "d", 1));
        Path csv = dir.resolve("r.csv");
        Path html = dir.resolve("r.html");
        report(new ReportTarget(ReportTarget.Kind.CSV, csv)).emit();
        report(new ReportTarget(ReportTarget.Kind.HTML, html)).emit();
        assertEquals(2, CsvReader.read(Files.readString(csv, StandardCharsets.UTF_8)).size());
        assertTrue(Files.readString(html, StandardCharsets.UTF_8).replace("<wbr>", "").contains("<code>a.B.m()</code>"));
    }

    @Test
    void unwritableFileIsReportedNotThrown() throws IOException {
        catalog.add(new MethodRecord(-1, "a.B.m()", 3, "r", "d", 1));
        Path blocker = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = blocker.resolve("report.json");
        report(new ReportTarget(ReportTarget.Kind.JSON, file)).emit();
        List<String> errors = diagnostics.errors();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("ERROR could not write the report to " + file), errors.get(0));
        assertFalse(Files.exists(file));
    }
}
