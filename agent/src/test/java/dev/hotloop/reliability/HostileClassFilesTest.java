package dev.hotloop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.report.LoadTimeReporter;
import dev.hotloop.agent.report.MethodCatalog;
import dev.hotloop.agent.report.RecordingDiagnostics;
import dev.hotloop.agent.transform.ClassRewriter;
import dev.hotloop.agent.transform.HotloopTransformer;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Class files no compiler wrote: every truncation of an annotated class file and thousands of
 * seeded corruptions go through the transformer, which must never throw, must print at most one
 * ERROR line per class, and must hand back either nothing or a class file ASM's verifier accepts.
 */
class HostileClassFilesTest {

    private static final String NAME = "fuzz.Hostile";

    private final RecordingDiagnostics diagnostics = new RecordingDiagnostics();
    private final HotloopTransformer transformer;

    HostileClassFilesTest() {
        AgentOptions o = AgentOptions.defaults();
        transformer = new HotloopTransformer(new ClassRewriter(o, new Planner(o, true), new TestRuntimeLink()),
                new LoadTimeReporter(diagnostics, new MethodCatalog(), true), "9.9-test");
    }

    private static byte[] annotatedClass() {
        String members = KernelGen.generate("k0", 11).source() + KernelGen.generate("k1", 12).source();
        return new InMemoryCompiler().compile(Map.of(NAME, FuzzCampaign.classSource(NAME, members)), true).get(NAME);
    }

    /** @return the transformer's output; asserts it did not throw and said at most one ERROR line */
    private byte[] transformOnce(byte[] bytes) {
        int before = diagnostics.errors().size();
        byte[] out = transformer.transform(null, getClass().getClassLoader(), "fuzz/Hostile", null, null, bytes);
        int errors = diagnostics.errors().size() - before;
        assertTrue(errors <= 1, diagnostics.errors().toString());
        if (errors == 1) {
            assertNull(out, "a class that failed keeps its original bytes");
            String e = diagnostics.errors().get(diagnostics.errors().size() - 1);
            assertTrue(e.startsWith("ERROR could not transform fuzz.Hostile (hotloop 9.9-test): ")
                    && e.endsWith("the class keeps its original bytes"), e);
        }
        return out;
    }

    @Test
    void everyTruncationIsRefusedWithOneErrorLineAtMost() {
        byte[] full = annotatedClass();
        int errors = 0;
        for (int len = 0; len < full.length; len++) {
            int before = diagnostics.errors().size();
            assertNull(transformOnce(Arrays.copyOf(full, len)), "length " + len);
            errors += diagnostics.errors().size() - before;
        }
        assertTrue(errors > full.length / 2, errors + " error lines for " + full.length + " truncations: most pass the prefilter");
        assertNotNull(transformOnce(full), "the whole class file is rewritten");
    }

    @Test
    void corruptedClassFilesNeverEscapeTheTransformer() {
        byte[] full = annotatedClass();
        SplittableRandom r = new SplittableRandom(5);
        int rewritten = 0;
        for (int k = 0; k < 3_000; k++) {
            byte[] bad = full.clone();
            int flips = 1 + r.nextInt(4);
            for (int f = 0; f < flips; f++) {
                int at = r.nextInt(bad.length);
                bad[at] = (byte) (r.nextBoolean() ? r.nextInt(256) : bad[at] ^ (1 << r.nextInt(8)));
            }
            byte[] out = transformOnce(bad);
            if (out != null) {
                rewritten++;
                // The output must be no worse than the input: if ASM accepts the corrupted original, it accepts the output.
                String inputProblems = verifyProblems(bad);
                if (inputProblems != null && inputProblems.isEmpty()) {
                    assertEquals("", verifyProblems(out), "corruption " + k + " of seed 5");
                }
            }
        }
        assertTrue(rewritten > 0, "some corruptions hit only constants or debug data and still rewrite");
    }

    /** @return ASM's verdict, "" when it accepts the class, null when ASM cannot even read it */
    private static String verifyProblems(byte[] bytes) {
        try {
            java.io.StringWriter w = new java.io.StringWriter();
            org.objectweb.asm.util.CheckClassAdapter.verify(new org.objectweb.asm.ClassReader(bytes),
                    HostileClassFilesTest.class.getClassLoader(), false, new java.io.PrintWriter(w));
            return w.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
