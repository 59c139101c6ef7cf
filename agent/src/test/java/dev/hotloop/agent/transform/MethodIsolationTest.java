package dev.hotloop.agent.transform;

import static dev.hotloop.agent.transform.ClassVerification.assertVerifies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.parallel.ParallelStrategy;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.LoopStrategy;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.targets.AttributeValuesTarget;
import dev.hotloop.agent.vector.VectorStrategy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;

/**
 * Annotation values are checked, and whatever goes wrong while one method is rewritten costs that
 * method its rewrites, never the other methods of its class.
 */
class MethodIsolationTest {

    private static final ClassLoader LOADER = MethodIsolationTest.class.getClassLoader();
    private static final AgentOptions OPTIONS = AgentOptions.parse("threads=2", new Properties(), Map.of());

    private static Map<String, String> summaries(TransformResult r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (MethodPlan p : r.plans()) {
            StringBuilder b = new StringBuilder();
            for (LoopDecision d : p.decisions()) {
                b.append(d.rewritten() ? "REWRITTEN " : "REFUSED ").append(d.summary());
            }
            out.put(p.method().method().name, b.toString());
        }
        return out;
    }

    @Test
    void valuesOutOfRangeAreRefusedWithTheRangeAndTheOtherMethodsKeepTheirRewrites() {
        TransformResult r = new ClassRewriter(OPTIONS, new Planner(OPTIONS, true), new FakeRuntimeLink())
                .rewrite(LOADER, ClassFiles.bytes(AttributeValuesTarget.class));
        Map<String, String> s = summaries(r);
        assertTrue(s.get("fine").startsWith("REWRITTEN SIMD"), s::toString);
        assertTrue(s.get("fineParallel").startsWith("REWRITTEN parallel"), s::toString);
        assertTrue(s.get("alsoFine").startsWith("REWRITTEN SIMD float x16, unroll 16"), s::toString);
        assertTrue(s.get("fineToo").startsWith("REWRITTEN parallel loop over i: 1 thread, chunks of >= 1 iteration"), s::toString);
        assertEquals("REFUSED not vectorized: @Vectorize(unroll = 1000) is out of range: unroll must be 0 (the agent chooses)"
                + " or 1 to 16; fix the annotation", s.get("hugeUnroll"));
        assertTrue(s.get("maxUnroll").contains("@Vectorize(unroll = 2147483647) is out of range"), s::toString);
        assertTrue(s.get("negativeUnroll").contains("@Vectorize(unroll = -3) is out of range"), s::toString);
        assertEquals("REFUSED not parallelized: @Parallel(threads = 0) is out of range: threads must be -1 (every worker"
                + " of the pool) or at least 1; fix the annotation", s.get("zeroThreads"));
        assertTrue(s.get("negativeGrain").contains("@Parallel(grain = -5) is out of range: grain must be 0"), s::toString);
        assertNotNull(r.bytes());
        assertVerifies(r.bytes(), LOADER);
    }

    /** A strategy that rewrites as the real one, except in two methods whose rewrite breaks. */
    private static final class Breaking implements LoopStrategy {
        private final LoopStrategy real;

        Breaking(LoopStrategy real) {
            this.real = real;
        }

        @Override
        public LoopDecision decide(AnnotatedMethod method, MethodAnalysis analysis, HotloopAnnotation annotation, Loop loop,
                                   boolean mayAddMembers) {
            LoopDecision d = real.decide(method, analysis, annotation, loop, mayAddMembers);
            return switch (method.method().name) {
                case "alsoFine" -> LoopDecision.rewritten(annotation, loop, d.line(), "broken", (cls, m, forms) -> {
                    throw new IllegalStateException("a bug in one rewrite");
                });
                case "fineToo" -> LoopDecision.rewritten(annotation, loop, d.line(), "too large", (cls, m, forms) -> {
                    InsnList bloat = new InsnList();
                    for (int i = 0; i < 40_000; i++) {
                        bloat.add(new InsnNode(Opcodes.ICONST_0));
                        bloat.add(new InsnNode(Opcodes.POP));
                    }
                    m.instructions.insert(bloat); // over 64 KB: fails only when the class is written
                });
                default -> d;
            };
        }
    }

    @Test
    void aRewriteThatFailsCostsOnlyItsOwnMethod() {
        Planner planner = new Planner(OPTIONS, true, new Breaking(new VectorStrategy(OPTIONS)),
                new Breaking(new ParallelStrategy(OPTIONS)));
        TransformResult r = new ClassRewriter(OPTIONS, planner, new FakeRuntimeLink())
                .rewrite(LOADER, ClassFiles.bytes(AttributeValuesTarget.class));
        Map<String, String> s = summaries(r);
        assertTrue(s.get("fine").startsWith("REWRITTEN SIMD"), s::toString);
        assertTrue(s.get("fineParallel").startsWith("REWRITTEN parallel"), s::toString);
        assertTrue(s.get("alsoFine").startsWith("REFUSED not rewritten: the rewrite failed "
                + "(java.lang.IllegalStateException: a bug in one rewrite); this method runs as written"), s::toString);
        assertTrue(s.get("fineToo").startsWith("REFUSED not rewritten: the rewrite failed "
                + "(org.objectweb.asm.MethodTooLargeException"), s::toString);
        assertNotNull(r.bytes());
        assertVerifies(r.bytes(), LOADER);
    }
}
