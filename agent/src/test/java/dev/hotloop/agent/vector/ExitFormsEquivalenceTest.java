package dev.hotloop.agent.vector;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.vector.ExitKernels;
import dev.hotloop.agent.transform.InstrumentingLoader;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit forms of {@link ExitKernels} at the edges of their guards, beyond the sizes every kernel
 * runs at ({@link VectorEquivalenceTest}): a narrow index whose bound is its type's largest value
 * (an int loop) and one more (the original wraps and throws at a negative index), and an
 * {@code i != n} under a step that reaches {@code n} and one that steps over it (the original runs
 * past its array and throws). Compared with the original as {@link VectorEquivalenceTest} does.
 * Without the narrow guard, the sizes well past the edge fail (the SIMD range would run past the
 * type's largest value, where the original wraps); just past it, the SIMD iterations are still the
 * original's first ones.
 */
class ExitFormsEquivalenceTest {

    private static InstrumentingLoader loader;

    @BeforeAll
    static void load() {
        loader = new InstrumentingLoader(AgentOptions.defaults());
    }

    static Stream<Arguments> edges() {
        return Stream.of(
                Arguments.of("shortIndex", new int[] {32766, 32767, 32768, 33000}),
                Arguments.of("shortIndexNearMax", new int[] {66, 67, 68, 69, 200}),
                Arguments.of("byteIndex", new int[] {126, 127, 128, 129, 200}),
                Arguments.of("byteIndexInclusiveNearMax", new int[] {27, 28, 29, 200}), // last = n - 1: 26, 27 (= 127 - 100), 28
                Arguments.of("byteIndexNotEqual", new int[] {127, 128, 200}),
                Arguments.of("charIndex", new int[] {65534, 65535}), // at 65536 the original runs for ever
                Arguments.of("shortIndexDownStepTwo", new int[] {32767, 32768}), // last = 32767 - 1, then (short) 32767 wraps the start
                Arguments.of("notEqualStepTwo", new int[] {0, 99, 100, 101, 1000, 1001}),
                Arguments.of("notEqualDownStepThree", new int[] {99, 100, 101, 1002}),
                Arguments.of("notEqualPastTheBound", new int[] {0, 1, 100}),
                Arguments.of("notEqualBottomTested", new int[] {0, 1, 100}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edges")
    void theGuardsEdgesBehaveLikeTheOriginal(String name, int[] sizes) throws ReflectiveOperationException {
        VectorKernel k = VectorKernel.all().stream().filter(x -> x.owner() == ExitKernels.class && x.name().equals(name))
                .findFirst().orElseThrow();
        Method rewritten = VectorEquivalenceTest.rewritten(loader, k);
        for (int n : sizes) {
            for (InputVariant v : new InputVariant[] {InputVariant.FINITE, InputVariant.SPECIAL}) {
                VectorEquivalenceTest.compare(k, rewritten, new VectorInputs(k, n, v).args(), k + " n=" + n + " " + v);
            }
        }
    }
}
