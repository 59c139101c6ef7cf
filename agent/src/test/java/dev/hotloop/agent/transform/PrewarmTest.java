package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.plan.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrewarmTest {

    @TempDir
    Path tmp;

    private static byte[] kernels() throws IOException {
        try (InputStream in = Prewarm.class.getResourceAsStream("PrewarmKernels.class")) {
            return in.readAllBytes();
        }
    }

    private static AgentOptions options(String args) {
        return AgentOptions.parse(args, new Properties(), Map.of());
    }

    /** A kernel the planner stopped rewriting would warm only half the stages, unseen: each must be rewritten. */
    @Test
    void everyKernelIsRewrittenAsTheAgentWould() throws IOException {
        AgentOptions o = options("report=off,cache=off");
        ClassRewriter r = new ClassRewriter(o, new Planner(o, true), new FakeRuntimeLink());
        for (String kernel : PrewarmKernelFile.KERNELS) {
            TransformResult result = r.rewrite(getClass().getClassLoader(), PrewarmKernelFile.annotated(kernels(), kernel));
            assertEquals(1, result.plans().size(), kernel);
            MethodPlan plan = result.plans().get(0);
            assertFalse(plan.anyRefused(), plan.reportLine());
            assertNotNull(result.bytes(), plan.reportLine());
            assertTrue(plan.reportLine().contains(kernel), plan.reportLine());
        }
    }

    @Test
    void runsAllKernelsWhenNoClassAsksAndBuildsTheRealRewriter() {
        AgentOptions o = options("cache=off");
        FakeRuntimeLink link = new FakeRuntimeLink();
        DeferredRewriter deferred = new DeferredRewriter(o, true, link);
        Prewarm p = new Prewarm(deferred, null, link, o, true, 0);
        p.run();
        assertTrue(p.nanos() > 0, "ran: " + p.nanos());
        assertFalse(deferred.demanded(), "the prewarm is no demand");
        assertEquals(0, link.visibleCalls(), "nothing made visible");
        assertEquals(1, link.prepareCalls(), "the runtime jar written ahead");
        assertTrue(p.rounds() >= 1, "rounds: " + p.rounds());
        assertEquals(0, link.keys().size(), "no timing registered");
    }

    @Test
    void stopsOnceTheProgramsFirstClassAsks() {
        AgentOptions o = options("cache=off");
        FakeRuntimeLink link = new FakeRuntimeLink();
        DeferredRewriter deferred = new DeferredRewriter(o, true, link);
        deferred.get();
        Prewarm p = new Prewarm(deferred, null, link, o, true, 0);
        p.run();
        assertEquals(-3, p.nanos(), "the program asked first: nothing to rewrite");
        assertEquals(1, link.prepareCalls(), "the runtime jar is written at once all the same");
    }

    @Test
    void aFilledCacheHasNothingToWarm() throws IOException {
        Path cache = tmp.resolve("cache");
        assertFalse(Prewarm.hasEntries(cache), "absent");
        Files.createDirectories(cache.resolve("sub"));
        assertFalse(Prewarm.hasEntries(cache), "no entry yet");
        Files.write(cache.resolve("0123abcd"), new byte[] {1});
        assertTrue(Prewarm.hasEntries(cache));
        AgentOptions o = options("cache=" + cache);
        FakeRuntimeLink link = new FakeRuntimeLink();
        Prewarm p = new Prewarm(new DeferredRewriter(o, true, link), null, link, o, true, 0);
        p.run();
        assertEquals(-3, p.nanos());
        assertEquals(1, link.prepareCalls(), "a cached class appends the runtime jar too");
    }
}
