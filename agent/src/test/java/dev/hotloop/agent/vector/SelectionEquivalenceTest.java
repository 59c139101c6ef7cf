package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.vector.SelectionKernels;
import dev.hotloop.agent.transform.InstrumentingLoader;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * The selections ({@code if (x > best) best = x}, argmax, argmin) on the inputs where their
 * results depend on order: arrays of {@code -0.0} and {@code 0.0} in every arrangement, NaN
 * everywhere or first, all-equal arrays, the best in the first or last lane or in the tail, with
 * entry values NaN, {@code -0.0}, {@code 0.0} and infinities; at every size around the lane counts.
 * {@link VectorEquivalenceTest} covers the same kernels on its random and misuse inputs.
 */
class SelectionEquivalenceTest {

    private static InstrumentingLoader loader;

    @BeforeAll
    static void load() {
        loader = new InstrumentingLoader(AgentOptions.defaults());
    }

    static Stream<VectorKernel> kernels() {
        return VectorKernel.all().stream().filter(k -> k.owner() == SelectionKernels.class && k.expect().rewritten());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void orderDecidesTiesAsInTheOriginal(VectorKernel k) throws ReflectiveOperationException {
        Method rewritten = VectorEquivalenceTest.rewritten(loader, k);
        for (int n : LaneSizes.sizes()) {
            if (n > 200) {
                continue;
            }
            for (double[] pattern : patterns(n)) {
                for (double entry : ENTRIES) {
                    Object[] args = args(k, pattern, entry);
                    VectorEquivalenceTest.compare(k, rewritten, args, k + " n=" + n + " entry=" + entry + " " + java.util.Arrays.toString(pattern));
                }
            }
        }
    }

    @Test
    void aWrongTieBreakIsCaught() throws ReflectiveOperationException {
        // argmaxOfZeros with >= instead of >: the last zero wins instead of the first; the patterns must tell.
        VectorKernel k = kernels().filter(x -> x.name().equals("argmaxOfZeros")).findFirst().orElseThrow();
        Method wrong = SelectionEquivalenceTest.class.getMethod("argmaxOfZerosLast", double[].class, double.class);
        boolean caught = false;
        for (double[] pattern : patterns(9)) {
            Object[] args = args(k, pattern, -1);
            try {
                VectorEquivalenceTest.compare(k, wrong, args, "first vs last");
            } catch (AssertionFailedError e) {
                caught = true;
            }
        }
        assertTrue(caught, "some pattern tells the first zero from the last");
        assertThrows(AssertionFailedError.class, () -> VectorEquivalenceTest.compare(k, wrong,
                new Object[] {new double[] {-0.0, 0.0}, -1.0}, "first vs last"));
    }

    /** {@code SelectionKernels.argmaxOfZeros} with the wrong tie-break. */
    public static long argmaxOfZerosLast(double[] a, double best) {
        int at = -7;
        for (int i = 0; i < a.length; i++) {
            if (a[i] * 0.0 >= best) {
                best = a[i] * 0.0;
                at = i;
            }
        }
        return at * 31L + Double.doubleToRawLongBits(best);
    }

    private static final double[] ENTRIES = {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1, -1};

    private static List<double[]> patterns(int n) {
        List<double[]> out = new ArrayList<>();
        Random random = new Random(n);
        double[][] p = new double[12][n];
        for (int i = 0; i < n; i++) {
            p[0][i] = i % 2 == 0 ? -0.0 : 0.0;
            p[1][i] = i % 2 == 0 ? 0.0 : -0.0;
            p[2][i] = new double[] {-0.0, 0.0, Double.NaN, 1, -1}[random.nextInt(5)];
            p[3][i] = Double.NaN;
            p[4][i] = 3;
            p[5][i] = i;
            p[6][i] = -i;
            p[7][i] = random.nextBoolean() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            p[8][i] = i == n - 1 ? 9 : 0;
            p[9][i] = i % 3;
            p[10][i] = i == 0 ? Double.NaN : (i * 7) % 5;
            p[11][i] = i < n / 2 ? -0.0 : 0.0;
        }
        for (double[] x : p) {
            out.add(x);
        }
        return out;
    }

    private static Object[] args(VectorKernel k, double[] pattern, double entry) {
        Class<?>[] types = k.method().getParameterTypes();
        List<String> names = k.paramNames();
        Object[] args = new Object[types.length];
        int n = pattern.length;
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t.isArray()) {
                Object a = Array.newInstance(t.getComponentType(), n);
                for (int j = 0; j < n; j++) {
                    double v = i == 0 ? pattern[j] : pattern[n - 1 - j];
                    set(a, j, v);
                }
                args[i] = a;
            } else if (names.get(i).equals("from")) {
                args[i] = n / 4;
            } else if (names.get(i).equals("to")) {
                args[i] = n;
            } else if (t == double.class) {
                args[i] = entry;
            } else if (t == float.class) {
                args[i] = (float) entry;
            } else if (t == long.class) {
                args[i] = (long) entry;
            } else {
                args[i] = (int) entry;
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
            Array.setLong(a, j, (long) v << 59 | (long) v);
        } else {
            Array.setInt(a, j, (int) v << 28 | (int) v);
        }
    }
}
