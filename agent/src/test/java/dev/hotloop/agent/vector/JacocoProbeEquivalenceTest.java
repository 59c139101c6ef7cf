package dev.hotloop.agent.vector;

import static dev.hotloop.agent.transform.BitExact.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.targets.vector.SelectionKernels;
import dev.hotloop.agent.transform.JacocoCoverage;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JaCoCo's agent first, Hotloop second: the kernel corpus instrumented by JaCoCo's own
 * {@link Instrumenter} (coverage probes in every loop body, under every condition) runs as JaCoCo
 * alone leaves it and as Hotloop then rewrites it, on the same inputs. Every kernel the agent
 * rewrites without JaCoCo it rewrites with JaCoCo too, and each call sets exactly the same probes
 * (sizes 0, 1, odd tails, conditions taken by no, some or every iteration, exceptions mid-loop),
 * with the same results.
 */
class JacocoProbeEquivalenceTest {

    private static JacocoCoverage alone;
    private static JacocoCoverage rewritten;

    @BeforeAll
    static void load() throws Exception {
        alone = new JacocoCoverage(null);
        rewritten = new JacocoCoverage(AgentOptions.defaults());
    }

    @AfterAll
    static void stop() {
        alone.shutdown();
        rewritten.shutdown();
    }

    static Stream<VectorKernel> kernels() {
        return VectorKernel.all().stream().filter(k -> !k.fastMath());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void probesAreSetExactlyAsJacocoAloneSetsThem(VectorKernel k) throws Exception {
        LoopDecision d = VectorExpectationTest.decision(rewritten.loader(), k);
        // A selection's loop tests the local it updates, and JaCoCo probes both branches of that test:
        // which iterations took them the lanes cannot tell, so such a loop stays scalar while probed.
        boolean probedSelection = k.owner() == SelectionKernels.class;
        // A test after the body that jumps back becomes, with JaCoCo's probe on that edge, a test in
        // the middle of the loop followed by the probe: such a loop stays scalar while probed.
        boolean probedBottomTest = k.name().equals("notEqualBottomTested");
        assertEquals(k.expect().rewritten() && !probedSelection && !probedBottomTest, d.rewritten(),
                () -> k + " with JaCoCo's probes: " + d.summary());
        assumeTrue(d.rewritten(), k + " is not rewritten");
        Method original = method(alone.loader(), k);
        Method simd = method(rewritten.loader(), k);
        String owner = k.owner().getName().replace('.', '/');
        int compared = 0;
        int probed = 0;
        for (InputVariant variant : InputVariant.values()) {
            for (int n : LaneSizes.sizes()) {
                Object[] args = new VectorInputs(k, n, variant).args();
                if (args == null) {
                    continue;
                }
                String where = k + " n=" + n + " " + variant;
                alone.probes(owner);
                rewritten.probes(owner);
                CallOutcome expected = CallOutcome.of(original, ArgumentCopies.of(args));
                CallOutcome actual = CallOutcome.of(simd, ArgumentCopies.of(args));
                boolean[] want = alone.probes(owner);
                assertArrayEquals(want, rewritten.probes(owner), where + ": the probes set");
                assertEquals(expected.thrown() == null ? null : expected.thrown().getClass(),
                        actual.thrown() == null ? null : actual.thrown().getClass(), where + ": thrown");
                assertIdentical(expected.result(), actual.result(), where + ": result");
                assertIdentical(expected.argsAfter(), actual.argsAfter(), where + ": arguments after the call");
                compared++;
                probed += count(want);
            }
        }
        assertTrue(compared > 0 && probed > 0, k + ": " + compared + " calls compared, " + probed + " probes set");
    }

    private static Method method(ClassLoader loader, VectorKernel k) throws ReflectiveOperationException {
        return Class.forName(k.owner().getName(), true, loader).getMethod(k.name(), k.method().getParameterTypes());
    }

    private static int count(boolean[] probes) {
        int n = 0;
        for (boolean p : probes) {
            n += p ? 1 : 0;
        }
        return n;
    }
}
