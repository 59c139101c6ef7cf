package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.LogLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadTimeReporterTest {

    private final RecordingDiagnostics diagnostics = new RecordingDiagnostics();
    private final MethodCatalog catalog = new MethodCatalog();

    private enum Kind { VECTORIZE, PARALLEL }

    private static Plan plan(String name, Kind kind, int line, String why) {
        return new Plan(name, kind, line, why);
    }

    private record Plan(String name, Kind kind, int line, String why) {
    }

    /** What a transform of these methods reports: the same fields a plan or a cache entry gives. */
    private static List<MethodReport> reports(List<Plan> plans, long[] nanos, int[] ids) {
        List<MethodReport> out = new java.util.ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            String method = "com.acme.Stats." + p.name() + "(float[])";
            out.add(new MethodReport(new MethodRecord(ids[i], method, p.line(), "not rewritten",
                    method + " line " + p.line() + ": " + p.why(), nanos[i]), p.kind() == Kind.VECTORIZE));
        }
        return out;
    }

    @Test
    void oneInfoLinePerMethodWithTransformTime() {
        LoadTimeReporter reporter = new LoadTimeReporter(diagnostics, catalog, true);
        reporter.onTransformed(reports(List.of(plan("dot", Kind.VECTORIZE, 42, "kept"),
                plan("sum", Kind.PARALLEL, 57, "kept too")), new long[] {400_000, 1_250_000}, new int[] {7, -1}));
        assertEquals(List.of("com.acme.Stats.dot(float[]) line 42: kept (transform 0.4 ms)",
                "com.acme.Stats.sum(float[]) line 57: kept too (transform 1.3 ms)"), diagnostics.at(LogLevel.INFO));
        assertTrue(diagnostics.at(LogLevel.WARN).isEmpty());
    }

    @Test
    void everyMethodIsRecordedForTheExitReport() {
        LoadTimeReporter reporter = new LoadTimeReporter(diagnostics, catalog, true);
        reporter.onTransformed(reports(List.of(plan("dot", Kind.VECTORIZE, 42, "kept")), new long[] {5}, new int[] {7}));
        MethodRecord r = catalog.records().get(0);
        assertEquals(new MethodRecord(7, "com.acme.Stats.dot(float[])", 42, "not rewritten",
                "com.acme.Stats.dot(float[]) line 42: kept", 5), r);
    }

    @Test
    void unresolvedVectorApiIsWarnedOnceWithTheFix() {
        LoadTimeReporter reporter = new LoadTimeReporter(diagnostics, catalog, false);
        reporter.onTransformed(reports(List.of(plan("sum", Kind.PARALLEL, 1, "x")), new long[] {1}, new int[] {-1}));
        assertTrue(diagnostics.at(LogLevel.WARN).isEmpty(), "@Parallel alone does not need the Vector API");
        for (int i = 0; i < 3; i++) {
            reporter.onTransformed(reports(List.of(plan("dot" + i, Kind.VECTORIZE, 1, "x")), new long[] {1}, new int[] {-1}));
        }
        List<String> warnings = diagnostics.at(LogLevel.WARN);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("add --add-modules jdk.incubator.vector"), warnings.get(0));
        assertEquals(4, diagnostics.at(LogLevel.INFO).size());
    }

    @Test
    void errorNamesTheClassTheVersionAndWhatHappensNext() {
        LoadTimeReporter reporter = new LoadTimeReporter(diagnostics, catalog, true);
        reporter.onError("com/acme/Stats", new IllegalStateException("boom"), "1.2.3");
        reporter.onError(null, new OutOfMemoryError("heap"), "1.2.3");
        assertEquals(List.of(
                "ERROR could not transform com.acme.Stats (hotloop 1.2.3): java.lang.IllegalStateException: boom; "
                        + "the class keeps its original bytes",
                "ERROR could not transform a class without name (hotloop 1.2.3): java.lang.OutOfMemoryError: heap; "
                        + "the class keeps its original bytes"), diagnostics.errors());
        assertTrue(catalog.isEmpty());
    }
}
