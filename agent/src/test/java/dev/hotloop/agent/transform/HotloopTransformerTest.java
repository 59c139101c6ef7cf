package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.filter.AnnotationPrefilter;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.options.LogLevel;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.report.LoadTimeReporter;
import dev.hotloop.agent.report.MethodCatalog;
import dev.hotloop.agent.report.RecordingDiagnostics;
import dev.hotloop.agent.targets.AnnotatedTarget;
import dev.hotloop.agent.targets.LoopShapes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotloopTransformerTest {

    private static final ClassLoader LOADER = HotloopTransformerTest.class.getClassLoader();

    private final RecordingDiagnostics diagnostics = new RecordingDiagnostics();
    private final MethodCatalog catalog = new MethodCatalog();
    private final FakeRuntimeLink link = new FakeRuntimeLink();
    private final HotloopTransformer transformer;

    HotloopTransformerTest() {
        AgentOptions o = AgentOptions.defaults();
        transformer = new HotloopTransformer(new ClassRewriter(o, new Planner(o, true), link),
                new LoadTimeReporter(diagnostics, catalog, true), "9.9-test");
    }

    private byte[] transform(String className, byte[] bytes) {
        return transformer.transform(null, LOADER, className, null, null, bytes);
    }

    @Test
    void annotatedClassIsRewrittenAndReported() {
        byte[] out = transform("com/acme/Generated", GeneratedClasses.annotatedLoop("com/acme/Generated"));
        assertNotNull(out);
        List<String> info = diagnostics.at(LogLevel.INFO);
        assertEquals(1, info.size());
        assertTrue(info.get(0).matches("com\\.acme\\.Generated\\.run\\(int\\[\\]\\)(: | line \\d+: )SIMD int .*"), info.get(0));
        assertEquals(1, catalog.records().size());
        assertTrue(catalog.records().get(0).id() >= 0);
        ClassVerification.assertVerifies(out, LOADER);
    }

    @Test
    void agentAndJdkPackagesAreNeverTouched() {
        byte[] annotated = ClassFiles.bytes(AnnotatedTarget.class);
        assertNull(transform("dev/hotloop/agent/targets/AnnotatedTarget", annotated));
        assertNull(transform("java/util/Fake", annotated));
        assertTrue(diagnostics.entries().isEmpty());
        assertTrue(link.keys().isEmpty());
    }

    @Test
    void unannotatedClassIsNotParsed() {
        assertNull(transform("com/acme/Plain", ClassFiles.bytes(LoopShapes.class)));
        assertTrue(diagnostics.entries().isEmpty());
        assertTrue(catalog.isEmpty());
    }

    @Test
    void methodTooLargeAfterProbesIsReportedAndTheClassKeepsItsBytes() {
        byte[] out = transform("gen/Huge", GeneratedClasses.nearlyTooLarge("gen/Huge"));
        assertNull(out);
        List<String> errors = diagnostics.errors();
        assertEquals(1, errors.size(), diagnostics.entries().toString());
        String e = errors.get(0);
        assertTrue(e.startsWith("ERROR could not transform gen.Huge (hotloop 9.9-test): org.objectweb.asm.MethodTooLargeException"), e);
        assertTrue(e.endsWith("the class keeps its original bytes"), e);
        assertTrue(catalog.isEmpty(), "a class that failed is not in the exit report");
    }

    @Test
    void classFileThatPassesThePrefilterButCannotBeParsedIsReported() {
        byte[] full = GeneratedClasses.annotatedLoop("com/acme/Cut");
        byte[] cut = null;
        for (int len = 10; len < full.length && cut == null; len++) {
            byte[] candidate = Arrays.copyOf(full, len);
            if (AnnotationPrefilter.mayBeAnnotated(candidate)) {
                cut = candidate;
            }
        }
        assertNotNull(cut);
        assertNull(transform("com/acme/Cut", cut));
        assertEquals(1, diagnostics.errors().size());
        assertTrue(diagnostics.errors().get(0).startsWith("ERROR could not transform com.acme.Cut (hotloop 9.9-test): "));
    }

    @Test
    void retransformationTakesTheSamePath() {
        byte[] bytes = GeneratedClasses.annotatedLoop("com/acme/Again");
        byte[] first = transform("com/acme/Again", bytes);
        byte[] second = transformer.transform(null, LOADER, "com/acme/Again", Object.class, null, bytes);
        assertNotNull(first);
        assertNotNull(second);
        assertEquals(1, catalog.records().size(), "the same method keeps one record and one timing id");
        assertEquals(1, link.keys().stream().distinct().count());
    }
}
