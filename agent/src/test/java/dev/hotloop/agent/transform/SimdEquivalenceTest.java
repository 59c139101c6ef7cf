package dev.hotloop.agent.transform;

import static dev.hotloop.agent.transform.BitExact.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.SimdTargets;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tier 2 for the vectorizer's own kernels ({@link SimdTargets}): original and rewritten on the
 * same inputs, at sizes around every lane count, with IEEE specials, nulls, short arrays and the
 * same array passed twice. Strict kernels bit for bit; fastMath ones within a relative bound.
 */
class SimdEquivalenceTest {

    private static final InstrumentingLoader LOADER = new InstrumentingLoader(AgentOptions.defaults());
    private static final int[] SIZES = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 257, 1000};
    private static final float[] SPECIAL = {Float.NaN, -0.0f, 0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, 3e9f, -3e9f, 1.5f, -2.5f};

    enum Input { RANDOM, SPECIAL, NULLS, SHORT, ALIASED }

    /**
     * Runs every rewritten kernel until the JIT compiles it, so the comparisons below exercise the
     * Vector API intrinsics C2 emits, not only their Java fallbacks.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        Class<?> rewritten = LOADER.loadClass(SimdTargets.class.getName());
        Random r = new Random(1);
        for (Method m : rewritten.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                for (int i = 0; i < 12_000; i++) {
                    call(m, args(m, 40 + i % 50, i % 4 == 0 ? Input.SPECIAL : Input.RANDOM, r));
                }
            }
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Method m : SimdTargets.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers())) {
                continue;
            }
            for (int n : SIZES) {
                for (Input in : Input.values()) {
                    out.add(Arguments.of(m.getName(), n, in));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} n={1} {2}")
    @MethodSource("cases")
    void rewrittenMatchesOriginal(String name, int n, Input input) throws Exception {
        Method original = find(SimdTargets.class, name);
        Method rewritten = find(LOADER.loadClass(SimdTargets.class.getName()), name);
        Object[] a = args(original, n, input, new Random(name.hashCode() * 31L + n * 7L + input.ordinal()));
        Object[] b = copy(a);
        Object[] ra = call(original, a);
        Object[] rb = call(rewritten, b);
        String where = name + " n=" + n + " " + input;
        boolean fast = name.equals("dot") || name.equals("sumTanh") || name.equals("dotParallel");
        if (fast && ra[1] == null && rb[1] == null && ra[0] instanceof Number x && !Double.isNaN(x.doubleValue())) {
            double e = x.doubleValue();
            double g = ((Number) rb[0]).doubleValue();
            assertTrue(Math.abs(e - g) <= 1e-4 * Math.max(1, Math.abs(e)) || Double.isInfinite(e) && e == g, where + ": " + e + " vs " + g);
        } else {
            assertIdentical(ra[0], rb[0], where + " result");
        }
        assertEquals(ra[1] == null ? null : ra[1].getClass(), rb[1] == null ? null : rb[1].getClass(), where + " exception");
        if (ra[1] != null) {
            assertEquals(((Throwable) ra[1]).getMessage(), ((Throwable) rb[1]).getMessage(), where + " message");
        }
        for (int i = 0; i < a.length; i++) {
            assertIdentical(a[i], b[i], where + " argument " + i);
        }
    }

    private static Method find(Class<?> c, String name) {
        return Arrays.stream(c.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Object[] call(Method m, Object[] args) throws IllegalAccessException {
        try {
            return new Object[] {m.invoke(null, args), null};
        } catch (InvocationTargetException e) {
            return new Object[] {null, e.getCause()};
        }
    }

    private static Object[] args(Method m, int n, Input input, Random r) {
        Class<?>[] types = m.getParameterTypes();
        Object[] out = new Object[types.length];
        Object first = null;
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            int len = input == Input.SHORT && i == types.length - 1 && t.isArray() ? Math.max(0, n - 3) : n;
            if (t == int.class) {
                out[i] = input == Input.SHORT ? n + 2 : n;
            } else if (t == double.class) {
                out[i] = input == Input.SPECIAL ? -0.0 : r.nextGaussian();
            } else if (input == Input.NULLS && i == types.length - 1) {
                out[i] = null;
            } else if (input == Input.ALIASED && first != null && first.getClass() == t) {
                out[i] = first;
            } else {
                out[i] = array(t, len, input, r);
            }
            if (first == null && t.isArray()) {
                first = out[i];
            }
        }
        return out;
    }

    private static Object array(Class<?> t, int n, Input input, Random r) {
        boolean special = input == Input.SPECIAL;
        if (t == float[].class) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = special && r.nextInt(3) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) r.nextGaussian() * 10;
            }
            return a;
        } else if (t == double[].class) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = special && r.nextInt(3) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextGaussian() * 10;
            }
            return a;
        } else if (t == int[].class) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = special ? r.nextInt() : r.nextInt(1000) - 500;
            }
            return a;
        } else if (t == long[].class) {
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = special ? r.nextLong() : r.nextInt(1000);
            }
            return a;
        }
        throw new IllegalArgumentException(t.getName());
    }

    private static Object[] copy(Object[] a) {
        Object[] b = a.clone();
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < i; j++) {
                if (a[i] != null && a[i] == a[j]) {
                    b[i] = b[j];
                }
            }
            if (b[i] == a[i]) {
                b[i] = a[i] instanceof float[] f ? f.clone() : a[i] instanceof double[] d ? d.clone()
                        : a[i] instanceof int[] x ? x.clone() : a[i] instanceof long[] l ? l.clone() : a[i];
            }
        }
        return b;
    }
}
