package dev.hotloop.agent.vector;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.transform.InstrumentingLoader;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The equivalence of {@link VectorEquivalenceTest} once the JIT has compiled the rewritten loops:
 * the Vector API runs as Java code in the interpreter and as SIMD instructions only in C2, so each
 * kernel that must be rewritten is first called often enough on a large array for C2 to compile
 * it (its invocation and back-edge counters pass the default tier-4 thresholds), then compared.
 */
class CompiledVectorEquivalenceTest {

    /** Calls on {@link #WARM_SIZE} elements: about 15,000 back edges of a 16-lane loop, and more of a scalar one. */
    private static final int WARM_CALLS = 250;
    private static final int WARM_SIZE = 1031;

    private static InstrumentingLoader loader;

    @BeforeAll
    static void load() {
        loader = new InstrumentingLoader(AgentOptions.defaults());
    }

    static Stream<VectorKernel> rewritten() {
        return VectorKernel.all().stream().filter(k -> k.expect().rewritten());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewritten")
    void aCompiledRewrittenKernelStillBehavesLikeTheOriginal(VectorKernel k) throws ReflectiveOperationException {
        Method m = VectorEquivalenceTest.rewritten(loader, k);
        Object[] warm = new VectorInputs(k, WARM_SIZE, InputVariant.FINITE).args();
        for (int call = 0; call < WARM_CALLS; call++) {
            CallOutcome.of(m, ArgumentCopies.of(warm));
            CallOutcome.of(k.method(), ArgumentCopies.of(warm));
        }
        for (InputVariant v : new InputVariant[] {InputVariant.SPECIAL, InputVariant.SAME_ARRAY, InputVariant.SHORT_ARRAY}) {
            for (int n : LaneSizes.sizes()) {
                Object[] args = new VectorInputs(k, n, v).args();
                if (args != null) {
                    VectorEquivalenceTest.compare(k, m, args, k + " compiled, n=" + n + " " + v);
                }
            }
        }
    }
}
