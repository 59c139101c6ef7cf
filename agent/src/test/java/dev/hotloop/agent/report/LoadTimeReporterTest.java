package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.options.LogLevel;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

class LoadTimeReporterTest {

    private final RecordingDiagnostics diagnostics = new RecordingDiagnostics();
    private final MethodCatalog catalog = new MethodCatalog();

    private static MethodPlan plan(String name, HotloopAnnotation.Kind kind, int line, String why) {
        HotloopAnnotation a = new HotloopAnnotation(kind, false, 0, -1, 0, -1, List.of());
        AnnotatedMethod m = new AnnotatedMethod("com/acme/Stats", new MethodNode(Opcodes.ACC_STATIC, name, "([F)F", null, null),
                List.of(a));
        return new MethodPlan(m, List.of(new LoopDecision(a, null, line, false, why, null)));
    }

    @Test
    void oneInfoLinePerMethodWithTransformTime() {
        LoadTimeReporter reporter = new LoadTimeReporter(diagnostics, catalog, true);
        reporter.onTransformed(List.of(plan("dot", HotloopAnnotation.Kind.VECTORIZE, 42, "kept"),
                plan("sum", HotloopAnnotation.Kind.PARALLEL, 57, "kept too")), new long[] {400_000, 1_250_000}, new int[] {7, -1});
        assertEquals(List.of("com.acme.Stats.dot(float[]) line 42: kept (transform 0.4 ms)",
                "com.acme.Stats.sum(float[]) line 57: kept too (transform 1.3 ms)"), diagnostics.at(LogLevel.INFO));
        assertTrue(diagnostics.at(LogLevel.WARN).isEmpty());
    }

    @Test
    void everyMethodIsRecordedForTheExitReport() {
        LoadTimeReporter reporter = new LoadTimeReporter(diagnostics, catalog, true);
        reporter.onTransformed(List.of(plan("dot", HotloopAnnotation.Kind.VECTORIZE, 42, "kept")), new long[] {5}, new int[] {7});
        MethodRecord r = catalog.records().get(0);
        assertEquals(new MethodRecord(7, "com.acme.Stats.dot(float[])", 42, "not rewritten",
                "com.acme.Stats.dot(float[]) line 42: kept", 5), r);
    }

    @Test
    void unresolvedVectorApiIsWarnedOnceWithTheFix() {
        LoadTimeReporter reporter = new LoadTimeReporter(diagnostics, catalog, false);
        reporter.onTransformed(List.of(plan("sum", HotloopAnnotation.Kind.PARALLEL, 1, "x")), new long[] {1}, new int[] {-1});
        assertTrue(diagnostics.at(LogLevel.WARN).isEmpty(), "@Parallel alone does not need the Vector API");
        for (int i = 0; i < 3; i++) {
            reporter.onTransformed(List.of(plan("dot" + i, HotloopAnnotation.Kind.VECTORIZE, 1, "x")), new long[] {1}, new int[] {-1});
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
