package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.report.ReportSchemaTest;
import dev.hotloop.it.apps.KernelsApp;
import dev.hotloop.testing.CsvReader;
import dev.hotloop.testing.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report=FILE} writes the exit report to a file whose extension picks the format, instead
 * of the table on standard error; {@code report=off} writes nothing.
 */
class ReportFilesIT {

    private static final Set<String> JSON_FIELDS = Set.of("method", "line", "outcome", "rewrite", "diagnostic",
            "transformNanos", "calls", "firstCallNanos", "steadyNanosPerCall", "totalNanos", "loops");

    @TempDir
    Path tmp;

    @Test
    void jsonReportHoldsEveryMethodWithItsCallsAndFields() throws IOException {
        Path file = tmp.resolve("out.json");
        ChildResult r = runWithReport(file.toString());
        assertTrue(Files.isRegularFile(file), () -> "no " + file + r.describe());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Object doc;
        try {
            doc = StrictJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("report is not JSON: " + e.getMessage() + "\n" + text, e);
        }
        assertEquals(List.of(), ReportSchemaTest.violations(text), "the report against docs/report-schema.json:\n" + text);
        Map<?, ?> top = (Map<?, ?>) doc;
        assertTrue(String.valueOf(top.get("agent")).startsWith("hotloop "), text);
        assertTrue(top.get("cores") instanceof Number, text);
        assertTrue(top.get("options") instanceof Map<?, ?> o && o.get("report") instanceof String, text);
        List<?> methods = (List<?>) top.get("methods");
        List<String> names = new ArrayList<>();
        for (Object o : methods) {
            Map<?, ?> m = (Map<?, ?>) o;
            assertEquals(JSON_FIELDS, m.keySet(), text);
            names.add((String) m.get("method"));
        }
        assertEquals(KernelsMethods.names(), names, text);
        List<String> loadLines = r.loadLines(KernelsApp.class);
        for (int i = 0; i < methods.size(); i++) {
            Map<?, ?> m = (Map<?, ?>) methods.get(i);
            KernelsMethods.Method expected = KernelsMethods.ALL.get(i);
            String what = expected.name() + " in\n" + text;
            assertEquals(expected.calls(), number(m, "calls"), "calls of " + what);
            assertEquals((int) expected.lines().get(0), (int) number(m, "line"), "line of " + what);
            assertTrue(loadLines.get(i).startsWith("[hotloop] " + m.get("diagnostic")),
                    "diagnostic of " + what + "\nis not the load-time line " + loadLines.get(i));
            assertTrue(number(m, "transformNanos") > 0, "transformNanos of " + what);
            if (expected.calls() > 0) {
                assertTrue(number(m, "firstCallNanos") > 0, "firstCallNanos of " + what);
                assertTrue(number(m, "totalNanos") >= number(m, "firstCallNanos"), "totalNanos of " + what);
            } else {
                assertEquals(null, m.get("firstCallNanos"), "firstCallNanos of " + what);
                assertEquals(0, number(m, "totalNanos"), "totalNanos of " + what);
            }
            for (Object o : (List<?>) m.get("loops")) {
                Map<?, ?> loop = (Map<?, ?>) o;
                assertEquals(loop.get("outcome").equals("refused"), loop.get("code") != null, "a code for each refusal of " + what);
            }
        }
    }

    @Test
    void csvReportHoldsEveryMethodWithItsCalls() throws IOException {
        Path file = tmp.resolve("out.csv");
        ChildResult r = runWithReport(file.toString());
        assertTrue(Files.isRegularFile(file), () -> "no " + file + r.describe());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> records = CsvReader.read(text);
        List<String> header = records.get(0);
        int method = header.indexOf("method");
        int calls = header.indexOf("calls");
        assertTrue(method >= 0 && calls >= 0, text);
        assertEquals(KernelsMethods.ALL.size() + 1, records.size(), text);
        for (int i = 0; i < KernelsMethods.ALL.size(); i++) {
            List<String> row = records.get(i + 1);
            assertEquals(header.size(), row.size(), text);
            assertEquals(KernelsMethods.ALL.get(i).name(), row.get(method), text);
            assertEquals(Long.toString(KernelsMethods.ALL.get(i).calls()), row.get(calls), text);
        }
    }

    @Test
    void htmlReportNamesEveryMethod() throws IOException {
        Path file = tmp.resolve("out.html");
        ChildResult r = runWithReport(file.toString());
        assertTrue(Files.isRegularFile(file), () -> "no " + file + r.describe());
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<table id=\"methods\"") && html.strip().endsWith("</html>"), html);
        String plain = html.replace("<wbr>", "");
        for (KernelsMethods.Method m : KernelsMethods.ALL) {
            assertTrue(plain.contains("<code>" + m.name() + "</code>"), () -> m.name() + " missing in\n" + html);
        }
    }

    @Test
    void reportOffPrintsNoTableButStillTheLoadLines() {
        ChildResult r = ChildJvm.app(KernelsApp.class).withAgent("report=off").run();
        assertEquals(0, r.exitCode(), r::describe);
        assertFalse(r.hasExitTable(), r::describe);
        assertFalse(r.stderr().contains("report written"), r::describe);
        assertEquals(KernelsMethods.ALL.size(), r.loadLines(KernelsApp.class).size(), r::describe);
    }

    private ChildResult runWithReport(String file) {
        ChildResult r = ChildJvm.app(KernelsApp.class).withAgent("report=" + file).run();
        assertEquals(0, r.exitCode(), r::describe);
        assertFalse(r.hasExitTable(), () -> "a report file replaces the table" + r.describe());
        assertTrue(r.hotloopLines().stream().anyMatch(l -> l.startsWith("[hotloop] report written to ")
                && l.endsWith(Path.of(file).getFileName().toString())), r::describe);
        return r;
    }

    private static double number(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number)) {
            throw new AssertionError(key + " is not a number: " + v);
        }
        return ((Number) v).doubleValue();
    }
}
