package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.vector.SearchKernels;
import dev.hotloop.agent.transform.InstrumentingLoader;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search loops on arrays of one background value with one other value planted in the first
 * lane, the last lane of a vector, the first lane of the next, the tail, or nowhere, for every pair
 * of values from a small set (NaN, -0.0, 0.0, extremes) and every key: so each kernel meets its
 * match in each of those places. {@link VectorEquivalenceTest} covers the same kernels on its
 * random and misuse inputs (null arrays, short arrays, ranges past the end).
 */
class SearchEquivalenceTest {

    private static InstrumentingLoader loader;
    private static final double[] VALUES = {0, 1, -1, 5, 127, Double.NaN, -0.0, Long.MIN_VALUE, Integer.MAX_VALUE};

    @BeforeAll
    static void load() {
        loader = new InstrumentingLoader(AgentOptions.defaults());
    }

    static Stream<VectorKernel> kernels() {
        return VectorKernel.all().stream().filter(k -> k.owner() == SearchKernels.class && k.expect().rewritten());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void theMatchIsTheOriginalsWhereverItLies(VectorKernel k) throws ReflectiveOperationException {
        Method rewritten = VectorEquivalenceTest.rewritten(loader, k);
        int matched = 0;
        for (int n : sizes()) {
            for (int at : places(n)) {
                for (double background : VALUES) {
                    for (double planted : VALUES) {
                        for (double key : new double[] {0, 1, 5}) {
                            Object[] args = args(k, n, at, background, planted, key);
                            VectorEquivalenceTest.compare(k, rewritten, args, k + " n=" + n + " at=" + at + " background=" + background
                                    + " planted=" + planted + " key=" + key);
                            Object r = CallOutcomeProbe.result(k, args);
                            matched += Integer.valueOf(at).equals(r) || Boolean.TRUE.equals(r) ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertTrue(matched > 0, k + " never found its planted value");
    }

    /** Runs the original once, for the sanity count. */
    private static final class CallOutcomeProbe {
        static Object result(VectorKernel k, Object[] args) {
            return CallOutcome.of(k.method(), ArgumentCopies.of(args)).result();
        }
    }

    private static int[] sizes() {
        SortedSet<Integer> s = new TreeSet<>();
        for (int n : LaneSizes.sizes()) {
            if (n <= 140) {
                s.add(n);
            }
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> places(int n) {
        int lanes = LaneSizes.of(32);
        SortedSet<Integer> s = new TreeSet<>(List.of(-1, 0, lanes - 1, lanes, 2 * lanes - 1, n / 2, n - 1));
        s.removeIf(x -> x >= n);
        return List.copyOf(s);
    }

    private static Object[] args(VectorKernel k, int n, int at, double background, double planted, double key) {
        Class<?>[] types = k.method().getParameterTypes();
        List<String> names = k.paramNames();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t.isArray()) {
                Object a = Array.newInstance(t.getComponentType(), n);
                for (int j = 0; j < n; j++) {
                    set(a, j, j == at && i == 0 ? planted : background);
                }
                args[i] = a;
            } else if (names.get(i).equals("n") || names.get(i).equals("to")) {
                args[i] = n;
            } else if (names.get(i).equals("from")) {
                args[i] = 0;
            } else if (t == float.class) {
                args[i] = (float) key;
            } else {
                args[i] = (int) key;
            }
        }
        return args;
    }

    private static void set(Object a, int j, double v) {
        Class<?> c = a.getClass().getComponentType();
        if (c == double.class) {
            Array.setDouble(a, j, v);
        } else if (c == float.class) {
            Array.setFloat(a, j, (float) v);
        } else if (c == long.class) {
            Array.setLong(a, j, (long) v);
        } else if (c == int.class) {
            Array.setInt(a, j, (int) v);
        } else if (c == short.class) {
            Array.setShort(a, j, (short) v);
        } else {
            Array.setByte(a, j, (byte) v);
        }
    }
}
