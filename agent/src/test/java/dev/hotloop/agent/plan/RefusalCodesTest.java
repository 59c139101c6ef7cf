package dev.hotloop.agent.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.AnnotationScanner;
import dev.hotloop.agent.analysis.LoopFinder;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.targets.PlanTargets;
import dev.hotloop.agent.targets.SimdTargets;
import dev.hotloop.agent.targets.parallel.ParallelRefusals;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * One refusal vocabulary for {@code @Vectorize} and {@code @Parallel}: every decision not to rewrite
 * carries a stable code, and the codes are unique and well formed.
 */
class RefusalCodesTest {

    private static List<LoopDecision> decisions(ClassNode cls, String method, AgentOptions options, boolean vectorApi) {
        Planner planner = new Planner(options, vectorApi);
        List<LoopDecision> out = new ArrayList<>();
        for (AnnotatedMethod m : AnnotationScanner.scan(cls)) {
            if (method == null || m.method().name.equals(method)) {
                MethodPlan p;
                try {
                    p = m.method().instructions.size() == 0 ? planner.planWithoutCode(m)
                            : planner.plan(m, LoopFinder.find(cls.name, m.method()));
                } catch (AnalyzerException e) {
                    p = planner.planUnanalysable(m, e.getMessage());
                }
                out.addAll(p.decisions());
            }
        }
        return out;
    }

    private static LoopDecision refused(Class<?> target, String method) {
        List<LoopDecision> d = decisions(ClassFiles.node(target), method, AgentOptions.defaults(), true);
        return d.stream().filter(x -> !x.rewritten()).findFirst().orElseThrow(() -> new AssertionError(method + ": " + d));
    }

    @ParameterizedTest(name = "{0}.{1}: {2}")
    @CsvSource({
        "SimdTargets,      sumStrict,            ordered-reduction",
        "SimdTargets,      prefix,               carried-dependence",
        "ParallelRefusals, lastValue,            carried-local",
        "ParallelRefusals, carried,              carried-local",
        "ParallelRefusals, earlyExit,            early-exit",
        "ParallelRefusals, staticField,          field-store",
        "ParallelRefusals, lockedMethod,         synchronized",
        "ParallelRefusals, stepTwo,              stride",
        "ParallelRefusals, boundUsesIndex,       non-invariant-bound",
        "PlanTargets,      variableDrivesNoLoop, no-loop",
    })
    void vectorAndParallelRefusalsShareOneVocabulary(String target, String method, String code) {
        Class<?> cls = switch (target) {
            case "SimdTargets" -> SimdTargets.class;
            case "ParallelRefusals" -> ParallelRefusals.class;
            default -> PlanTargets.class;
        };
        LoopDecision d = refused(cls, method);
        assertEquals(code, d.code() == null ? null : d.code().code(), d.summary());
    }

    @Test
    void optionsAndAMissingVectorApiHaveTheirOwnCodes() {
        ClassNode cls = ClassFiles.node(SimdTargets.class);
        LoopDecision noApi = decisions(cls, "dot", AgentOptions.defaults(), false).get(0);
        assertEquals(RefusalCode.VECTOR_API_MISSING, noApi.code());
        // The real verdict stays (the fix is the code's, and the one WARN line's).
        assertTrue(noApi.summary().startsWith("would be SIMD ")
                && noApi.summary().endsWith("(runs scalar: jdk.incubator.vector not resolved)"), noApi.summary());
        AgentOptions off = AgentOptions.parse("vectorize=false", new Properties(), Map.of());
        assertEquals(RefusalCode.OPTION_OFF, decisions(cls, "dot", off, true).get(0).code());
    }

    @Test
    void everyRefusalOfEveryTargetCarriesACodeAndEveryRewriteNone() throws IOException, URISyntaxException {
        Path root = Path.of(SimdTargets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<RefusalCode> seen = new HashSet<>();
        int refusals = 0;
        try (Stream<Path> files = Files.walk(root.resolve("dev/hotloop/agent/targets"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                ClassNode cls = ClassFiles.node(Files.readAllBytes(f));
                for (LoopDecision d : decisions(cls, null, AgentOptions.defaults(), true)) {
                    if (d.rewritten()) {
                        assertNull(d.code(), d.summary());
                    } else {
                        assertNotNull(d.code(), () -> cls.name + ": no code for " + d.summary());
                        seen.add(d.code());
                        refusals++;
                    }
                }
            }
        }
        assertTrue(refusals > 20, "the targets hold refusals of many kinds: " + refusals);
        assertTrue(seen.size() > 8, "codes seen: " + seen);
    }

    @Test
    void codesAreUniqueLowerCaseWordsAndFixesAreSentences() {
        Set<String> codes = new HashSet<>();
        for (RefusalCode c : RefusalCode.values()) {
            assertTrue(c.code().matches("[a-z]+(-[a-z0-9]+)*"), c.code());
            assertTrue(codes.add(c.code()), "duplicate " + c.code());
            assertEquals(c, RefusalCode.of(c.code()));
            assertFalse(c.fix() != null && (c.fix().isBlank() || c.fix().endsWith(".")), c.code() + ": " + c.fix());
        }
        assertNull(RefusalCode.of("no-such-code"));
    }
}
