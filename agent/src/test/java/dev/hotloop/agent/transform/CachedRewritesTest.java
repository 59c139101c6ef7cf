package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.cache.ClassCache;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.options.LogLevel;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.report.LoadTimeReporter;
import dev.hotloop.agent.report.MethodCatalog;
import dev.hotloop.agent.report.MethodRecord;
import dev.hotloop.agent.report.RecordingDiagnostics;
import dev.hotloop.agent.targets.DescriptorInStringTarget;
import dev.hotloop.agent.targets.PlanTargets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transformer with the cache: a later "JVM" (a fresh transformer, link and reporter) replays the first. */
class CachedRewritesTest {

    private static final ClassLoader LOADER = CachedRewritesTest.class.getClassLoader();

    @TempDir
    Path dir;

    /** One JVM's worth of agent: its own timing ids, report, catalog; a shared cache directory. */
    private final class Jvm {
        final RecordingDiagnostics diagnostics = new RecordingDiagnostics();
        final MethodCatalog catalog = new MethodCatalog();
        final FakeRuntimeLink link = new FakeRuntimeLink();
        final HotloopTransformer transformer;
        final ClassRewriter rewriter;
        final CachedRewrites cache;

        Jvm(String agentArgs) {
            AgentOptions o = AgentOptions.parse(agentArgs, new Properties(), Map.of());
            rewriter = new ClassRewriter(o, new Planner(o, true), link);
            cache = new CachedRewrites(new ClassCache(dir.resolve("cache"), diagnostics), o, true, "9.9-test",
                    link, diagnostics);
            transformer = new HotloopTransformer(new DeferredRewriter(rewriter), cache, new LoadTimeReporter(diagnostics, catalog, true), "9.9-test");
        }

        /** Transforms, then waits for the cache's writer, as the exit of a JVM does. */
        byte[] transform(String name, byte[] bytes) {
            byte[] out = transformer.transform(null, LOADER, name, null, null, bytes);
            assertTrue(cache.flush(10_000), "the entry is written");
            return out;
        }

        List<String> info() {
            return diagnostics.at(LogLevel.INFO);
        }
    }

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("cache"))) {
            return s.count();
        }
    }

    private static List<String> withoutIds(List<MethodRecord> records) {
        return records.stream().map(r -> r.method() + "|" + r.line() + "|" + r.rewrite() + "|" + r.diagnostic() + "|"
                + r.transformNanos() + "|" + (r.id() >= 0)).collect(Collectors.toList());
    }

    @Test
    void aHitGivesTheSameClassAndTheSameReportWithThisJvmsIds() throws IOException {
        byte[] original = ClassFiles.bytes(PlanTargets.class);
        Jvm first = new Jvm("log=info");
        byte[] fresh = first.transform("com/acme/PlanTargets", original);
        assertNotNull(fresh);
        assertEquals(1, entries());

        Jvm second = new Jvm("log=info");
        second.link.timingId("some/Other.method()V"); // this JVM numbers its methods differently
        byte[] replayed = second.transform("com/acme/PlanTargets", original);
        assertEquals(first.info(), second.info(), "the same load-time lines, transform times included");
        assertEquals(withoutIds(first.catalog.records()), withoutIds(second.catalog.records()));
        List<MethodRecord> a = first.catalog.records();
        List<MethodRecord> b = second.catalog.records();
        assertNotEquals(a.get(0).id(), b.get(0).id(), "ids are this JVM's");
        assertEquals(first.link.keys(), second.link.keys().subList(1, second.link.keys().size()), "the same methods registered");

        // The replayed class is the fresh one with the other ids patched in.
        byte[] expected = fresh.clone();
        TransformResult r = new Jvm("log=info").rewriter.rewrite(LOADER, original);
        for (int i = 0; i < a.size(); i++) {
            if (r.idOffsets()[i] >= 0) {
                assertEquals(a.get(i).id(), TimingIds.readInt(fresh, r.idOffsets()[i]));
                TimingIds.writeInt(expected, r.idOffsets()[i], b.get(i).id());
            }
        }
        assertArrayEquals(expected, replayed);
        ClassVerification.assertVerifies(replayed, LOADER);
        assertEquals(1, entries());
    }

    @Test
    void preparingOpensTheDirectoryAheadOfTheFirstClass() {
        Jvm jvm = new Jvm("log=info");
        assertFalse(Files.exists(dir.resolve("cache")));
        jvm.cache.prepare(); // on the prewarm thread, at start
        assertTrue(Files.isDirectory(dir.resolve("cache")));
        assertTrue(jvm.diagnostics.entries().isEmpty(), jvm.diagnostics.entries()::toString);
    }

    @Test
    void changedClassBytesNeverReuseAnEntry() throws IOException {
        Jvm jvm = new Jvm("log=info");
        jvm.transform("gen/A", GeneratedClasses.annotatedLoop("gen/A"));
        byte[] b = jvm.transform("gen/B", GeneratedClasses.annotatedLoop("gen/B"));
        assertEquals(2, entries());
        assertTrue(jvm.info().get(1).startsWith("gen.B.run("), jvm.info().toString());
        ClassVerification.assertVerifies(b, LOADER);
    }

    @Test
    void changedOptionsNeverReuseAnEntry() throws IOException {
        byte[] original = ClassFiles.bytes(PlanTargets.class);
        Jvm plain = new Jvm("log=info");
        byte[] withProbes = plain.transform("com/acme/PlanTargets", original);
        Jvm quiet = new Jvm("report=off,vectorize=false,parallel=false");
        byte[] without = quiet.transform("com/acme/PlanTargets", original);
        assertEquals(2, entries());
        assertTrue(quiet.catalog.records().stream().allMatch(r -> r.id() < 0), "report=off: no probes, no ids");
        assertNotEquals(plain.info(), quiet.info());
        assertTrue(without == null || !Arrays.equals(withProbes, without));
    }

    @Test
    void aClassWithoutAnnotationsPastThePrefilterIsCachedAsUnchanged() throws IOException {
        byte[] original = ClassFiles.bytes(DescriptorInStringTarget.class);
        Jvm jvm = new Jvm("log=info");
        assertNull(jvm.transform("com/acme/DescriptorInStringTarget", original));
        assertEquals(1, entries());
        Jvm again = new Jvm("log=info");
        assertNull(again.transform("com/acme/DescriptorInStringTarget", original));
        assertTrue(again.diagnostics.entries().isEmpty());
    }

    @Test
    void strictModeFailuresAndDumpsAreReplayed() throws IOException {
        byte[] original = ClassFiles.bytes(PlanTargets.class);
        Path dump = dir.resolve("dump");
        Jvm first = new Jvm("strict=true,dump=" + dump);
        byte[] fresh = first.transform("com/acme/PlanTargets", original);
        Path dumped = dump.resolve("dev/hotloop/agent/targets/PlanTargets.class");
        Files.delete(dumped);
        Jvm second = new Jvm("strict=true,dump=" + dump);
        byte[] replayed = second.transform("com/acme/PlanTargets", original);
        assertArrayEquals(replayed, Files.readAllBytes(dumped), "a hit writes the dump too");
        assertEquals(first.info(), second.info());
        assertEquals(fresh.length, replayed.length);
    }
}
