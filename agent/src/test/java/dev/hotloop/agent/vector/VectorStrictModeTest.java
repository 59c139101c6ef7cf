package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.SourceMarkers;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.transform.InstrumentingLoader;
import dev.hotloop.runtime.HotloopStrictError;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tier 2, strict mode with the SIMD rewrite: a kernel whose loop must be refused throws
 * {@link HotloopStrictError} at its first call, with the agent's diagnostic (class, method, line,
 * reason) as message; a kernel whose loop must be rewritten runs, and gives the plain JVM's results.
 */
class VectorStrictModeTest {

    private static InstrumentingLoader loader;

    @BeforeAll
    static void load() {
        loader = new InstrumentingLoader(AgentOptions.parse("strict=true", new Properties(), Map.of()));
    }

    static Stream<VectorKernel> refused() {
        return VectorKernel.all().stream().filter(k -> !k.expect().rewritten());
    }

    static Stream<VectorKernel> rewritten() {
        return VectorKernel.all().stream().filter(k -> k.expect().rewritten());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aRefusedKernelFailsAtItsFirstCallWithTheDiagnostic(VectorKernel k) throws ReflectiveOperationException {
        Method m = VectorEquivalenceTest.rewritten(loader, k);
        CallOutcome first = CallOutcome.of(m, new VectorInputs(k, 9, InputVariant.FINITE).args());
        HotloopStrictError e = assertInstanceOf(HotloopStrictError.class, first.thrown(), k + " threw " + first.thrown());
        String prefix = "[hotloop strict] " + k.displayName() + " line " + SourceMarkers.line(k.owner(), k.name()) + ": ";
        assertTrue(e.getMessage().startsWith(prefix), () -> e.getMessage() + " starts with " + prefix);
        for (String word : k.expect().contains()) {
            assertTrue(e.getMessage().contains(word), () -> e.getMessage() + " names \"" + word + "\"");
        }
        CallOutcome second = CallOutcome.of(m, new VectorInputs(k, 0, InputVariant.FINITE).args());
        assertInstanceOf(HotloopStrictError.class, second.thrown(), "every call fails, not just the first");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewritten")
    void aRewrittenKernelRunsInStrictMode(VectorKernel k) throws ReflectiveOperationException {
        Method m = VectorEquivalenceTest.rewritten(loader, k);
        Object[] args = new VectorInputs(k, 33, InputVariant.SPECIAL).args();
        CallOutcome run = CallOutcome.of(m, ArgumentCopies.of(args));
        // a kernel fed indexes out of range on purpose (gathers, an index that wraps) throws what its original throws
        boolean originalThrows = CallOutcome.of(k.method(), ArgumentCopies.of(args)).thrown() != null;
        assertTrue(run.thrown() == null || originalThrows && !(run.thrown() instanceof HotloopStrictError), () -> k + " threw " + run.thrown());
        VectorEquivalenceTest.compare(k, m, args, k + " n=33 SPECIAL, strict=true");
    }
}
