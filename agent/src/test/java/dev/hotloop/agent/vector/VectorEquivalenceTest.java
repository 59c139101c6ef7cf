package dev.hotloop.agent.vector;

import static dev.hotloop.agent.transform.BitExact.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.vector.BenchmarkKernels;
import dev.hotloop.agent.transform.InstrumentingLoader;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Tier 2 for the SIMD rewrite: every kernel of {@code dev.hotloop.agent.targets.vector} runs as
 * javac compiled it and as the agent rewrote it, on the same inputs, at every size of
 * {@link LaneSizes#sizes()} and every {@link InputVariant}. The rewritten kernel must throw the same
 * exception with the same message, leave the same values in its arguments (partial writes
 * included) and return the same result: bit for bit for strict kernels, within
 * {@link FastMathBounds} for {@code fastMath} ones.
 */
class VectorEquivalenceTest {

    private static InstrumentingLoader loader;
    private static final int[] SIZES = LaneSizes.sizes();

    @BeforeAll
    static void load() {
        loader = new InstrumentingLoader(AgentOptions.defaults());
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (VectorKernel k : VectorKernel.all()) {
            for (InputVariant v : InputVariant.values()) {
                out.add(Arguments.of(k, v));
            }
        }
        return out.stream();
    }

    /**
     * @param loader a loader that rewrites the target classes
     * @param k      a kernel
     * @return the kernel as that loader rewrote it
     */
    static Method rewritten(ClassLoader loader, VectorKernel k) throws ReflectiveOperationException {
        Class<?> c = Class.forName(k.owner().getName(), true, loader);
        assertNotSame(k.owner(), c);
        return c.getMethod(k.name(), k.method().getParameterTypes());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void rewrittenKernelBehavesLikeTheOriginal(VectorKernel k, InputVariant variant) throws ReflectiveOperationException {
        Method rewritten = rewritten(loader, k);
        int compared = 0;
        for (int n : SIZES) {
            Object[] args = new VectorInputs(k, n, variant).args();
            if (args == null) {
                continue;
            }
            compare(k, rewritten, args, k + " n=" + n + " " + variant + " " + Arrays.deepToString(shape(args)));
            compared++;
        }
        assumeTrue(compared > 0, variant + " does not apply to " + k);
    }

    /**
     * Runs the original and the rewritten kernel on copies of the same arguments and compares
     * what they did.
     */
    static void compare(VectorKernel k, Method rewritten, Object[] args, String where) {
        CallOutcome expected = CallOutcome.of(k.method(), ArgumentCopies.of(args));
        CallOutcome actual = CallOutcome.of(rewritten, ArgumentCopies.of(args));
        if (expected.thrown() == null) {
            assertNull(actual.thrown(), () -> where + ": the rewritten kernel threw " + actual.thrown());
        } else {
            assertNotNull(actual.thrown(), () -> where + ": the original threw " + expected.thrown() + ", the rewritten kernel returned");
            assertEquals(expected.thrown().getClass(), actual.thrown().getClass(), where);
            assertEquals(expected.thrown().getMessage(), actual.thrown().getMessage(), where);
        }
        if (k.fastMath()) {
            int trips = maxLength(args);
            double magnitude = expected.result() instanceof Number && expected.thrown() == null
                    ? ((Number) CallOutcome.of(k.method(), ArgumentCopies.absolute(args)).result()).doubleValue() : 0;
            FastMathBounds.assertWithin(expected.result(), actual.result(), k.expect(), trips, magnitude, where + ": result");
            FastMathBounds.assertWithin(expected.argsAfter(), actual.argsAfter(), k.expect(), trips, magnitude,
                    where + ": arguments after the call");
        } else {
            assertIdentical(expected.result(), actual.result(), where + ": result");
            assertIdentical(expected.argsAfter(), actual.argsAfter(), where + ": arguments after the call");
        }
    }

    private static int maxLength(Object[] args) {
        int max = 0;
        for (Object a : args) {
            if (a != null && a.getClass().isArray()) {
                max = Math.max(max, Array.getLength(a));
            }
        }
        return max;
    }

    /** @return the arguments with arrays shown by type and length, for failure messages */
    private static Object[] shape(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            out[i] = a != null && a.getClass().isArray()
                    ? a.getClass().getComponentType() + "[" + Array.getLength(a) + "]" : a;
        }
        return out;
    }

    @Test
    void theSizesStraddleTheLanesOfEveryElementType() {
        for (int bits : new int[] {8, 16, 32, 64}) {
            int lanes = LaneSizes.of(bits);
            for (int n : new int[] {lanes - 1, lanes, lanes + 1, 2 * lanes + 1}) {
                assertTrue(Arrays.stream(SIZES).anyMatch(s -> s == n), n + " for " + bits + "-bit lanes in " + Arrays.toString(SIZES));
            }
        }
        assertTrue(SIZES[SIZES.length - 1] >= 1000 && SIZES[SIZES.length - 1] % 2 == 1, "a large odd size");
    }

    @Test
    void theMisuseVariantsReallyThrow() {
        // Guards against a generator that silently compares nothing interesting.
        int cases = 0;
        int threw = 0;
        for (VectorKernel k : VectorKernel.all()) {
            for (InputVariant v : new InputVariant[] {InputVariant.NULL_ARRAY, InputVariant.SHORT_ARRAY, InputVariant.OVERRUN}) {
                for (int n : new int[] {17, 1000}) {
                    Object[] args = new VectorInputs(k, n, v).args();
                    if (args != null) {
                        cases++;
                        threw += CallOutcome.of(k.method(), args).thrown() != null ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(threw > cases * 2 / 3, threw + " of " + cases + " misuse cases threw");
    }

    @Test
    void theSameArrayVariantAliasesArguments() {
        int aliased = 0;
        for (VectorKernel k : VectorKernel.all()) {
            Object[] args = new VectorInputs(k, 9, InputVariant.SAME_ARRAY).args();
            Object[] copy = ArgumentCopies.of(args);
            for (int i = 0; i < args.length; i++) {
                for (int j = i + 1; j < args.length; j++) {
                    if (args[i] != null && args[i].getClass().isArray() && args[i] == args[j]) {
                        assertTrue(copy[i] == copy[j] && copy[i] != args[i], k + ": the copy aliases like the original");
                        aliased++;
                    }
                }
            }
        }
        assertTrue(aliased >= 40, aliased + " kernels see one array passed twice");
    }

    @Test
    void theComparisonSeesADifferentKernel() throws ReflectiveOperationException {
        // The harness must fail when the "rewritten" method computes something else.
        VectorKernel sum = VectorKernel.all().stream().filter(k -> k.name().equals("sumFloatStrict")).findFirst().orElseThrow();
        Method maxAbs = BenchmarkKernels.class.getMethod("maxAbs", float[].class);
        Object[] args = new VectorInputs(sum, 17, InputVariant.FINITE).args();
        assertThrows(AssertionFailedError.class, () -> compare(sum, maxAbs, args, "sum vs maxAbs"));
    }
}
