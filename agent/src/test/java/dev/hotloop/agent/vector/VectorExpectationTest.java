package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.SourceMarkers;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.transform.ClassVerification;
import dev.hotloop.agent.transform.InstrumentingLoader;
import dev.hotloop.agent.transform.TransformResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the agent decides for each target kernel must be what its {@code @Expect} says: rewritten
 * or not, with the DESIGN §5 words in the summary and the line of the loop; and every rewritten
 * class must pass ASM's verifier, load and initialise.
 */
class VectorExpectationTest {

    private static InstrumentingLoader loader;

    @BeforeAll
    static void load() {
        loader = new InstrumentingLoader(AgentOptions.defaults());
    }

    static Stream<VectorKernel> kernels() {
        return VectorKernel.all().stream();
    }

    static Stream<Class<?>> classes() {
        return VectorKernel.CLASSES.stream();
    }

    /**
     * @param loader a loader that rewrote the kernel's class
     * @param k      a kernel
     * @return the agent's one decision for the kernel's loop
     */
    static LoopDecision decision(InstrumentingLoader loader, VectorKernel k) throws ClassNotFoundException {
        Class.forName(k.owner().getName(), false, loader);
        TransformResult r = loader.result(k.owner().getName());
        MethodPlan plan = r.plans().stream()
                .filter(p -> p.method().method().name.equals(k.name()))
                .findFirst().orElseThrow(() -> new AssertionError(k + " has no plan"));
        List<LoopDecision> decisions = plan.decisions();
        assertEquals(1, decisions.size(), () -> k + ": one annotated innermost loop, one decision: " + plan.reportLine());
        return decisions.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void theDecisionIsTheExpectedOne(VectorKernel k) throws ClassNotFoundException {
        LoopDecision d = decision(loader, k);
        String summary = d.summary();
        assertEquals(k.expect().rewritten(), d.rewritten(), () -> k + (k.expect().rewritten() ? " must be rewritten" : " must be refused")
                + "; the agent said: " + summary);
        for (String word : k.expect().contains()) {
            assertTrue(summary.contains(word), () -> k + ": the summary lacks \"" + word + "\": " + summary);
        }
        assertFalse(summary.isBlank(), k + ": a decision says what the loop became or why not");
        assertEquals(SourceMarkers.line(k.owner(), k.name()), d.line(), () -> k + ": the reported line is the loop's");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classes")
    void everyRewrittenClassVerifiesLoadsAndInitialises(Class<?> target) throws ClassNotFoundException {
        Class<?> c = Class.forName(target.getName(), true, loader);
        assertEquals(loader, c.getClassLoader());
        byte[] bytes = loader.result(target.getName()).bytes();
        assertNotNull(bytes, target + " was rewritten (timing probes at least)");
        ClassVerification.assertVerifies(bytes, loader);
    }
}
