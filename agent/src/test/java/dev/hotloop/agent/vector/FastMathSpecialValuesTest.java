package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.fastmath.FastMathSpecialKernels;
import dev.hotloop.agent.targets.vector.Ulps;
import dev.hotloop.agent.transform.InstrumentingLoader;
import dev.hotloop.testing.C2Tally;
import dev.hotloop.testing.C2Warmup;
import dev.hotloop.testing.CompiledCode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fastMath keeps {@code Math}'s special values in C2-compiled code, where each lane function is the
 * JVM's vector math stub rather than {@code Math} itself: every kernel of
 * {@link FastMathSpecialKernels} (one per approximate {@link Op}, on double and on float lanes) runs
 * on NaN, infinities, zeros of both signs, subnormals, the edges of each function's domain and,
 * for two-argument functions, on every pair of them, once C2 has compiled its SIMD form. Each
 * result must have {@code Math}'s class (NaN or not; an infinity or a zero, with its sign) and be
 * bit for bit {@code Math}'s where {@code Math} specifies it exactly: any argument NaN, infinite
 * or zero (the documented special cases), {@code pow} of integers with a representable result,
 * {@code pow(x, 1)}. Every other result must have {@code Math}'s sign and lie within the
 * function's {@link Ulps} bound. Tagged {@code c2}: runs in the fork without tiers.
 */
@Tag("c2")
class FastMathSpecialValuesTest {

    private static final double[] DOUBLES = {
        Double.NaN, -Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, -1e-310, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        Float.MIN_VALUE, -Float.MIN_VALUE, 1.0, -1.0, Math.nextDown(1.0), Math.nextUp(1.0), Math.nextUp(-1.0),
        0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 2.5, -2.5, 10.0, 710.0, -746.0, 89.0, -104.0, 1e300, -1e300,
        Double.MAX_VALUE, -Double.MAX_VALUE, Math.PI, -Math.PI / 2,
    };
    private static final Duration WARM_BUDGET = Duration.ofSeconds(Long.getLong("hotloop.c2.budgetSeconds", 240));
    private static final Map<String, Case> CASES = new LinkedHashMap<>();
    private static final Map<String, C2Warmup.Target> TARGETS = new LinkedHashMap<>();
    private static Set<String> proven = Set.of();
    private static final C2Tally TALLY = new C2Tally();

    /** A kernel, its rewritten form, its inputs and the SIMD methods that must be C2 code. */
    record Case(Method original, Method rewritten, Object[] args, List<String> simd) {
        boolean isFloat() {
            return original.getParameterTypes()[0] == float[].class;
        }

        String function() {
            return original.getName().replaceAll("(Double|Float)$", "");
        }
    }

    @BeforeAll
    static void compileAll() throws ReflectiveOperationException {
        InstrumentingLoader loader = new InstrumentingLoader(AgentOptions.defaults());
        Class<?> rewrittenClass = Class.forName(FastMathSpecialKernels.class.getName(), true, loader);
        byte[] bytes = loader.result(FastMathSpecialKernels.class.getName()).bytes();
        for (Method m : kernels()) {
            Method r = rewrittenClass.getMethod(m.getName(), m.getParameterTypes());
            Case c = new Case(m, r, inputs(m), CompiledCode.simdMethodsCalledBy(bytes, m.getName()));
            CASES.put(m.getName(), c);
            if (!c.simd().isEmpty()) {
                TARGETS.put(m.getName(), new C2Warmup.Target(m.getName(), c.simd(), () -> CallOutcome.of(r, ArgumentCopies.of(c.args()))));
            }
        }
        proven = C2Warmup.untilCompiled(new ArrayList<>(TARGETS.values()), WARM_BUDGET);
    }

    @AfterAll
    static void tally() {
        TALLY.write("fastMath special values");
    }

    static List<Method> kernels() {
        return Arrays.stream(FastMathSpecialKernels.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).sorted(Comparator.comparing(Method::getName)).toList();
    }

    static Stream<String> names() {
        return kernels().stream().map(Method::getName);
    }

    @Test
    void everyApproximateOperationHasADoubleAndAFloatKernel() {
        List<String> names = names().toList();
        for (Op op : Op.values()) {
            if (op.approximate()) {
                assertTrue(names.contains(op.symbol() + "Double") && names.contains(op.symbol() + "Float"),
                        op + ": add " + op.symbol() + "Double and " + op.symbol() + "Float to FastMathSpecialKernels");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void specialValuesFollowMathInC2CompiledCode(String name) {
        Case c = CASES.get(name);
        assumeTrue(C2Tally.rewriteRequired() || !c.simd().isEmpty(), name + ": kept scalar at this vector width");
        assertFalse(c.simd().isEmpty(), name + ": the agent did not rewrite the loop");
        C2Warmup.Compared<List<String>> compared = C2Warmup.compare(TARGETS.get(name), proven.contains(name),
                () -> differences(c), List::isEmpty);
        List<String> wrong = compared.result();
        boolean c2 = compared.compiled();
        TALLY.add(wrong.isEmpty(), c2);
        assertEquals(List.of(), wrong, name + (c2 ? " in C2-compiled code" : ""));
        if (C2Tally.required()) {
            assertTrue(proven.contains(name), () -> name + ": C2 did not compile " + c.simd() + " within " + WARM_BUDGET);
            assertTrue(c2, name + ": the SIMD form was deoptimized during the comparison " + C2Warmup.DEOPT_ATTEMPTS + " times");
        }
    }

    /** @return where the rewritten kernel's results differ from {@code Math}'s class (or value), at most 40 */
    private static List<String> differences(Case c) {
        try {
            CallOutcome expected = CallOutcome.of(c.original(), ArgumentCopies.of(c.args()));
            CallOutcome actual = CallOutcome.of(c.rewritten(), ArgumentCopies.of(c.args()));
            assertEquals(null, expected.thrown());
            assertEquals(null, actual.thrown(), c.original().getName() + " threw");
            int ulps = Ulps.class.getField(c.function().toUpperCase()).getInt(null);
            List<String> wrong = new ArrayList<>();
            Object[] in = c.args();
            int n = java.lang.reflect.Array.getLength(in[0]);
            for (int i = 0; i < n; i++) {
                double x = element(in[0], i);
                double y = in.length == 3 ? element(in[1], i) : Double.NaN;
                double e = element(expected.argsAfter()[in.length - 1], i);
                double a = element(actual.argsAfter()[in.length - 1], i);
                String why = SpecialValues.difference(c.function(), in.length == 3, x, y, e, a, ulps, c.isFloat());
                if (why != null && wrong.size() < 40) {
                    wrong.add(c.function() + (in.length == 3 ? "(" + x + ", " + y + ")" : "(" + x + ")") + ": Math gives " + e
                            + ", the SIMD form " + a + " (" + why + ")");
                }
            }
            return wrong;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double element(Object array, int i) {
        return array instanceof float[] f ? f[i] : ((double[]) array)[i];
    }

    /** Unary kernels: every special value at several lane positions; binary ones: every pair. */
    private static Object[] inputs(Method m) {
        boolean isFloat = m.getParameterTypes()[0] == float[].class;
        boolean binary = m.getParameterCount() == 3;
        int k = DOUBLES.length;
        int n = binary ? k * k : 5 * k + 3;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = DOUBLES[binary ? i / k : i % k];
            b[i] = DOUBLES[i % k];
        }
        Object x = isFloat ? narrow(a) : a;
        Object y = isFloat ? narrow(b) : b;
        Object out = isFloat ? new float[n] : new double[n];
        return binary ? new Object[] {x, y, out} : new Object[] {x, out};
    }

    private static float[] narrow(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
