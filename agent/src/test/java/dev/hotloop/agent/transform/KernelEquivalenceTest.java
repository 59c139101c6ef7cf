package dev.hotloop.agent.transform;

import static dev.hotloop.agent.transform.BitExact.assertIdentical;
import static dev.hotloop.agent.transform.KernelCases.SIZES;
import static dev.hotloop.agent.transform.KernelCases.kernels;
import static dev.hotloop.agent.transform.KernelCases.sumRangeCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.Accumulator;
import dev.hotloop.agent.targets.ConstructorLoopTarget;
import dev.hotloop.agent.targets.Kernels;
import dev.hotloop.agent.transform.KernelCases.Data;
import dev.hotloop.agent.transform.KernelCases.Kernel;
import dev.hotloop.agent.transform.KernelCases.Variant;
import dev.hotloop.runtime.MethodStats;
import dev.hotloop.runtime.Timings;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Tier 2: every target kernel runs as javac compiled it and as the agent rewrote it (through
 * {@link InstrumentingLoader}), on the same inputs, and must give bit-identical results, the same
 * exception with the same message, and the same writes to its arguments; the rewritten copy must
 * have counted every call, those that throw included.
 */
class KernelEquivalenceTest {

    private static InstrumentingLoader loader;

    @BeforeAll
    static void load() {
        loader = new InstrumentingLoader(AgentOptions.defaults());
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Kernel k : kernels()) {
            for (int n : SIZES) {
                for (Variant v : Variant.values()) {
                    out.add(Arguments.of(k, n, v));
                }
            }
        }
        return out.stream();
    }

    // ---------------------------------------------------------------- running

    /**
     * What one call did.
     *
     * @param result    its return value (null for void)
     * @param thrown    what it threw, or null
     * @param argsAfter its arguments after the call, arrays included
     * @param state     for an instance method, the receiver's accessors after the call
     */
    record Outcome(Object result, Throwable thrown, Object[] argsAfter, Object[] state) {
    }

    private static Object copy(Object o) {
        if (o instanceof float[] a) {
            return a.clone();
        }
        if (o instanceof double[] a) {
            return a.clone();
        }
        if (o instanceof int[] a) {
            return a.clone();
        }
        if (o instanceof long[] a) {
            return a.clone();
        }
        if (o instanceof Object[] a) {
            return a.clone();
        }
        return o;
    }

    private static Object[] copy(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] c = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            c[i] = copy(args[i]);
        }
        return c;
    }

    private static Outcome run(Class<?> cls, Kernel k, Object[] args, Object[] ctorArgs) throws ReflectiveOperationException {
        Object receiver = null;
        if (ctorArgs != null) {
            Constructor<?> ctor = cls.getConstructor(float[].class, float.class);
            receiver = ctor.newInstance(ctorArgs);
        }
        Method m = cls.getMethod(k.method(), k.params());
        Object result = null;
        Throwable thrown = null;
        try {
            result = m.invoke(receiver, args);
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
        }
        Object[] state = null;
        if (receiver != null) {
            List<Method> accessors = new ArrayList<>();
            for (Method a : cls.getDeclaredMethods()) {
                if (Modifier.isPublic(a.getModifiers()) && a.getParameterCount() == 0 && a.getReturnType() != void.class) {
                    accessors.add(a);
                }
            }
            accessors.sort(Comparator.comparing(Method::getName));
            state = new Object[accessors.size()];
            for (int i = 0; i < state.length; i++) {
                state[i] = accessors.get(i).invoke(receiver);
            }
        }
        return new Outcome(result, thrown, args, state);
    }

    private static Class<?> rewritten(Class<?> original) throws ClassNotFoundException {
        Class<?> c = Class.forName(original.getName(), true, loader);
        assertNotSame(original, c);
        assertSame(loader, c.getClassLoader());
        return c;
    }

    @ParameterizedTest(name = "{0} n={1} {2}")
    @MethodSource("cases")
    void rewrittenKernelBehavesBitForBitLikeTheOriginal(Kernel k, int n, Variant variant) throws ReflectiveOperationException {
        Data data = new Data(k.label(), n, variant);
        Object[] args = k.args().apply(data);
        Object[] ctorArgs = k.ctorArgs() == null ? null : k.ctorArgs().apply(data);

        Class<?> rewritten = rewritten(k.owner());
        MethodStats stats = Timings.stats(loader.timingId(rewritten, k.method()));
        long callsBefore = stats.snapshot().calls();

        Outcome expected = run(k.owner(), k, copy(args), copy(ctorArgs));
        Outcome actual = run(rewritten, k, copy(args), copy(ctorArgs));

        String where = k + " n=" + n + " " + variant;
        if (expected.thrown() == null) {
            assertEquals(null, actual.thrown(), where + ": rewritten threw");
        } else {
            assertNotNull(actual.thrown(), where + ": original threw " + expected.thrown() + ", rewritten returned");
            assertEquals(expected.thrown().getClass(), actual.thrown().getClass(), where);
            assertEquals(expected.thrown().getMessage(), actual.thrown().getMessage(), where);
        }
        assertIdentical(expected.result(), actual.result(), where + ": result");
        assertIdentical(expected.argsAfter(), actual.argsAfter(), where + ": arguments after the call");
        assertIdentical(expected.state(), actual.state(), where + ": receiver after the call");

        long calls = stats.snapshot().calls() - callsBefore;
        assertEquals(k.calls().applyAsLong(args), calls, where + ": calls counted by the probes");
    }

    @Test
    void theInputsReallyExerciseExceptionsAndEdgeValues() throws ReflectiveOperationException {
        // Guards against a harness that silently compares nothing interesting.
        int threw = 0;
        int misuse = 0;
        for (Kernel k : kernels()) {
            for (int n : SIZES) {
                Data d = new Data(k.label(), n, Variant.MISUSE);
                Object[] args = k.args().apply(d);
                Object[] ctorArgs = k.ctorArgs() == null ? null : k.ctorArgs().apply(d);
                misuse++;
                if (run(k.owner(), k, args, ctorArgs).thrown() != null) {
                    threw++;
                }
            }
        }
        assertTrue(threw > misuse / 2, threw + " of " + misuse + " misuse cases threw");
        Outcome sum = run(Kernels.class, kernels().get(1), new Object[] {new int[] {Integer.MAX_VALUE, 1}}, null);
        assertEquals(Integer.MIN_VALUE, sum.result(), "int sums overflow");
    }

    @Test
    void theComparatorSeesSignedZerosAndEveryNonNanBit() {
        assertThrows(AssertionFailedError.class, () -> assertIdentical(0.0f, -0.0f, "zero"));
        assertThrows(AssertionFailedError.class, () -> assertIdentical(Float.NaN, 0.0f, "nan"));
        assertThrows(AssertionFailedError.class, () -> assertIdentical(1.0, Math.nextUp(1.0), "ulp"));
        assertThrows(AssertionFailedError.class, () -> assertIdentical(new double[] {0.0}, new double[] {-0.0}, "array"));
        assertThrows(AssertionFailedError.class, () -> assertIdentical(new float[] {1, 2}, new float[] {1}, "length"));
        assertThrows(AssertionFailedError.class, () -> assertIdentical(new Object[] {new int[] {1}}, new Object[] {new int[] {2}}, "nested"));
        assertThrows(AssertionFailedError.class, () -> assertIdentical(1, 1L, "type"));
        assertIdentical(Float.NaN, Float.intBitsToFloat(0xffc00000), "NaN payloads are not specified for arithmetic results");
    }

    @Test
    void everyRewrittenTargetPassesAsmVerification() throws ClassNotFoundException {
        for (Class<?> target : List.of(Kernels.class, Accumulator.class, ConstructorLoopTarget.class)) {
            rewritten(target);
            TransformResult r = loader.result(target.getName());
            assertNotNull(r.bytes(), target + " was rewritten");
            ClassVerification.assertVerifies(r.bytes(), loader);
        }
    }

    @Test
    void theProbesCountEveryCallAndTimeTheFirstAndOneInSixteen() throws ReflectiveOperationException {
        InstrumentingLoader fresh = new InstrumentingLoader(AgentOptions.defaults());
        Class<?> c = Class.forName(Kernels.class.getName(), true, fresh);
        Method m = c.getMethod("sumSquares", double[].class);
        for (int i = 0; i < 40; i++) {
            m.invoke(null, (Object) new double[] {1, 2, 3});
        }
        MethodStats.Snapshot s = Timings.stats(fresh.timingId(c, "sumSquares")).snapshot();
        assertEquals(40, s.calls());
        assertTrue(s.firstCallNanos() >= 0);
        assertEquals(2, s.timed(), "calls 17 and 33 after the first");
    }

    @Test
    void anExceptionThrownByTheFirstCallIsCountedNotTimed() throws ReflectiveOperationException {
        InstrumentingLoader fresh = new InstrumentingLoader(AgentOptions.defaults());
        Class<?> c = Class.forName(Kernels.class.getName(), true, fresh);
        Method m = c.getMethod("sumSquares", double[].class);
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> m.invoke(null, (Object) null));
        assertTrue(e.getCause() instanceof NullPointerException);
        MethodStats.Snapshot s = Timings.stats(fresh.timingId(c, "sumSquares")).snapshot();
        assertEquals(1, s.calls());
        assertEquals(-1, s.firstCallNanos(), "no handler: the call that threw has no time");
        m.invoke(null, (Object) new double[] {3});
        assertEquals(2, Timings.stats(fresh.timingId(c, "sumSquares")).snapshot().calls());
    }

    @ParameterizedTest(name = "n={0}")
    @MethodSource("sizes")
    void constructorAndStaticInitialiserLoopsBehaveLikeTheOriginal(int n) throws ReflectiveOperationException {
        Class<?> rewritten = rewritten(ConstructorLoopTarget.class);
        float[] in = new Data("ctor", n, Variant.SPECIAL).floats(n);
        Object original = new ConstructorLoopTarget(in.clone());
        Object copy = rewritten.getConstructor(float[].class).newInstance((Object) in.clone());
        assertIdentical(((ConstructorLoopTarget) original).values(), rewritten.getMethod("values").invoke(copy), "values");
        var squares = rewritten.getDeclaredField("SQUARES");
        squares.setAccessible(true);
        var originalSquares = ConstructorLoopTarget.class.getDeclaredField("SQUARES");
        originalSquares.setAccessible(true);
        assertIdentical(originalSquares.get(null), squares.get(null), "SQUARES");
        assertTrue(Timings.stats(loader.timingId(rewritten, "<init>")).snapshot().calls() >= 1);
    }

    static Stream<Integer> sizes() {
        return Arrays.stream(SIZES).boxed();
    }

    @Test
    void recursionCountsEveryCall() throws ReflectiveOperationException {
        Class<?> c = rewritten(Kernels.class);
        MethodStats stats = Timings.stats(loader.timingId(c, "sumRange"));
        long before = stats.snapshot().calls();
        Object sum = c.getMethod("sumRange", int[].class, int.class, int.class).invoke(null, new int[100], 0, 100);
        assertEquals(0L, sum);
        assertEquals(sumRangeCalls(0, 100), stats.snapshot().calls() - before);
        assertTrue(sumRangeCalls(0, 100) > 30, "the recursion is deep enough to matter");
    }
}
