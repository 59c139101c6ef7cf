package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.SourceMarkers;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.Accumulator;
import dev.hotloop.agent.targets.Kernels;
import dev.hotloop.runtime.HotloopStrictError;
import dev.hotloop.runtime.MethodStats;
import dev.hotloop.runtime.Timings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tier 2, strict mode: no loop is rewritten in this build, so every annotated method of the
 * targets must throw {@link HotloopStrictError} on every call, naming its class, method,
 * parameters and the line of its loop; the calls are still counted.
 */
class StrictModeTest {

    private static InstrumentingLoader loader;

    @BeforeAll
    static void load() {
        loader = new InstrumentingLoader(AgentOptions.parse("strict=true", new Properties(), Map.of()));
    }

    static Stream<KernelCases.Kernel> kernels() {
        return KernelCases.kernels().stream();
    }

    private static String displayName(KernelCases.Kernel k) {
        StringJoiner params = new StringJoiner(",", "(", ")");
        for (Class<?> p : k.params()) {
            params.add(p.getSimpleName());
        }
        return k.owner().getName() + "." + k.method() + params;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void everyCallOfARefusedMethodThrowsWithClassMethodAndLine(KernelCases.Kernel k) throws ReflectiveOperationException {
        Class<?> c = Class.forName(k.owner().getName(), true, loader);
        KernelCases.Data data = new KernelCases.Data(k.label(), 8, KernelCases.Variant.FINITE);
        Object receiver = k.ctorArgs() == null ? null
                : c.getConstructor(float[].class, float.class).newInstance(k.ctorArgs().apply(data));
        Method m = c.getMethod(k.method(), k.params());
        MethodStats stats = Timings.stats(loader.timingId(c, k.method()));
        boolean refused = loader.result(c.getName()).plans().get(loader.planIndex(c, k.method())).anyRefused();
        long before = stats.snapshot().calls();
        String expected = "[hotloop strict] " + displayName(k) + " line " + SourceMarkers.line(k.owner(), k.method()) + ": ";
        for (int call = 0; call < 3; call++) {
            Object[] args = k.args().apply(data);
            if (!refused) {
                try {
                    m.invoke(receiver, args);
                } catch (InvocationTargetException e) {
                    assertFalse(e.getCause() instanceof HotloopStrictError, "a rewritten method must not fail in strict mode");
                }
                continue;
            }
            InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> m.invoke(receiver, args));
            assertTrue(e.getCause() instanceof HotloopStrictError, "call " + call + " threw " + e.getCause());
            String message = e.getCause().getMessage();
            assertTrue(message.startsWith(expected), message);
            assertTrue(message.contains("not vectorized") || message.contains("kept scalar") || message.contains("not parallelized"), message);
        }
        assertEquals(3, stats.snapshot().calls() - before, "every call is counted");
    }

    @Test
    void strictClassesPassAsmVerification() throws ClassNotFoundException {
        for (Class<?> target : new Class<?>[] {Kernels.class, Accumulator.class}) {
            Class.forName(target.getName(), false, loader);
            ClassVerification.assertVerifies(loader.result(target.getName()).bytes(), loader);
        }
    }

    @Test
    void unannotatedMembersOfAStrictClassStillWork() throws ReflectiveOperationException {
        Class<?> c = Class.forName(Accumulator.class.getName(), true, loader);
        Object acc = c.getConstructor(float[].class, float.class).newInstance(new float[] {1}, 2f);
        assertEquals(0.0, c.getMethod("total").invoke(acc));
        assertEquals(0, c.getMethod("count").invoke(acc));
    }
}
