package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.targets.ProbeTargets;
import dev.hotloop.agent.transform.JacocoCoverage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ProbeTargets} under JaCoCo's probes, JaCoCo alone against JaCoCo then Hotloop: the
 * probes each call sets are the same for every size (0, 1, odd tails, long loops), for conditions
 * that no, one, some or every iteration takes (one: the first, the middle or the last, so that the
 * scalar iterations after the vector loop cannot set it themselves), and when an iteration throws.
 */
class JacocoProbeTargetsTest {

    private static final int[] SIZES = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 65, 127, 1001};
    private static JacocoCoverage alone;
    private static JacocoCoverage rewritten;

    /** @param classVersion 0: as compiled (JaCoCo's probe array a dynamic constant); 52: Java 8 ($jacocoInit()) */
    private static void load(int classVersion) throws Exception {
        stop();
        alone = new JacocoCoverage(null, classVersion);
        rewritten = new JacocoCoverage(AgentOptions.defaults(), classVersion);
    }

    @AfterAll
    static void stop() {
        if (alone != null) {
            alone.shutdown();
            rewritten.shutdown();
        }
    }

    @ParameterizedTest(name = "class version {0}")
    @ValueSource(ints = {0, 52})
    void everyLoopIsRewrittenWithItsProbes(int classVersion) throws Exception {
        load(classVersion);
        Class<?> c = rewritten.loader().loadClass(ProbeTargets.class.getName());
        int loops = 0;
        for (MethodPlan p : rewritten.loader().result(c.getName()).plans()) {
            for (LoopDecision d : p.decisions()) {
                assertTrue(d.rewritten() && d.summary().startsWith("SIMD"), p.reportLine());
                loops++;
            }
        }
        assertEquals(5, loops);
    }

    @ParameterizedTest(name = "class version {0}")
    @ValueSource(ints = {0, 52})
    void probesAreJacocosAloneForEveryConditionSizeAndFailure(int classVersion) throws Exception {
        load(classVersion);
        int calls = 0;
        for (int n : SIZES) {
            for (Pattern pattern : Pattern.values()) {
                int[] a = new int[n];
                float[] x = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = pattern.value(n).applyAsInt(i);
                    x[i] = a[i];
                }
                for (int bound : new int[] {n, n + 1, n + 9}) { // past the arrays: an iteration throws
                    String where = "n=" + n + " " + pattern + " bound=" + bound;
                    calls += same(where, "countMarked", a, bound);
                    calls += same(where, "markedOrNot", a, new int[n], bound);
                    calls += same(where, "nested", a, new int[n], bound);
                    calls += same(where, "inlined", a, new int[n], bound);
                    calls += same(where, "downward", x, new float[n], bound);
                }
            }
        }
        assertTrue(calls > 1000, calls + " calls");
    }

    /** Which iterations take the condition ({@code a[i] == 1}; {@code 2} the second arm). */
    enum Pattern {
        NONE, FIRST, MIDDLE, LAST, SOME, ALL, TWOS;

        IntUnaryOperator value(int n) {
            switch (this) {
                case FIRST: return i -> i == 0 ? 1 : 0;
                case MIDDLE: return i -> i == n / 2 ? 1 : 0;
                case LAST: return i -> i == n - 1 ? 1 : 0;
                case SOME: return i -> i % 3 == 1 ? 1 : i % 5 == 0 ? 2 : 0;
                case ALL: return i -> 1;
                case TWOS: return i -> 2;
                default: return i -> 0;
            }
        }
    }

    private static int same(String where, String name, Object... args) throws Exception {
        String owner = ProbeTargets.class.getName().replace('.', '/');
        alone.probes(owner);
        rewritten.probes(owner);
        Object[] copy = copy(args);
        Object expected = call(alone.loader(), name, copy(args));
        Object actual = call(rewritten.loader(), name, copy);
        boolean[] want = alone.probes(owner);
        assertArrayEquals(want, rewritten.probes(owner), () -> where + " " + name + ": the probes set " + Arrays.toString(want));
        assertEquals(describe(expected), describe(actual), where + " " + name);
        return 1;
    }

    private static String describe(Object o) {
        return o instanceof Throwable t ? t.getClass().getName() : String.valueOf(o);
    }

    private static Object[] copy(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof int[] d) {
                out[i] = d.clone();
            } else if (out[i] instanceof float[] d) {
                out[i] = d.clone();
            }
        }
        return out;
    }

    private static Object call(ClassLoader loader, String name, Object[] args) throws Exception {
        Class<?> c = loader.loadClass(ProbeTargets.class.getName());
        Method m = Arrays.stream(c.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }
}
