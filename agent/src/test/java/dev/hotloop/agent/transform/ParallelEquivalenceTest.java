package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.targets.parallel.ParallelInstance;
import dev.hotloop.agent.targets.parallel.ParallelKernels;
import dev.hotloop.runtime.parallel.ParallelLoop;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tier 2 for {@code @Parallel}: each target runs as javac compiled it (the sequential reference)
 * and as the agent rewrote it, at 1, 2, 3 and 7 threads. Results must match the sequential run bit
 * for bit, except float and double sums, which must match each other at every thread count;
 * exceptions must have the sequential run's type and message, with every write the sequential run
 * made before it.
 */
class ParallelEquivalenceTest {

    private static final int[] THREADS = {1, 2, 3, 7};
    private static InstrumentingLoader loader;

    @BeforeAll
    static void load() {
        loader = new InstrumentingLoader(AgentOptions.defaults());
    }

    @AfterAll
    static void restore() {
        ParallelLoop.configure(Runtime.getRuntime().availableProcessors(), false);
    }

    private static Object call(Class<?> original, String name, Object... args) throws Throwable {
        assertAllRewritten(loader.loadClass(original.getName()), name);
        return callRewritten(original, name, args);
    }

    private static Object callRewritten(Class<?> original, String name, Object... args) throws Throwable {
        Class<?> rewritten = loader.loadClass(original.getName());
        Method m = Arrays.stream(rewritten.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object reference(Class<?> original, String name, Object... args) throws Throwable {
        Method m = Arrays.stream(original.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void assertAllRewritten(Class<?> rewritten, String name) {
        MethodPlan plan = loader.result(rewritten.getName()).plans().get(loader.planIndex(rewritten, name));
        for (LoopDecision d : plan.decisions()) {
            assertTrue(d.rewritten(), plan::reportLine);
        }
    }

    private static double[] doubles(int n, long seed) {
        Random r = new Random(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian() * Math.pow(10, r.nextInt(12) - 6);
        }
        return a;
    }

    private static int[] ints(int n, long seed) {
        Random r = new Random(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt();
        }
        return a;
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 6, 7, 8, 100, 1001})
    void mapsMatchTheSequentialRunAtEveryThreadCount(int n) throws Throwable {
        double[] a = doubles(n, n);
        double[] expected = new double[n];
        reference(ParallelKernels.class, "scale", a, 1.7, expected);
        for (int t : THREADS) {
            ParallelLoop.configure(t, false);
            double[] out = new double[n];
            call(ParallelKernels.class, "scale", a, 1.7, out);
            assertArrayEquals(expected, out, "threads=" + t);
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 3, 4, 5, 6, 37, 1000, 100_003})
    void integerReductionsMatchTheSequentialRunExactly(int n) throws Throwable {
        int[] a = ints(n, n);
        Object expected = reference(ParallelKernels.class, "integers", a);
        long expectedEach = (Long) reference(ParallelKernels.class, "sumEach", a);
        for (int t : THREADS) {
            ParallelLoop.configure(t, false);
            assertArrayEquals((long[]) expected, (long[]) call(ParallelKernels.class, "integers", a), "threads=" + t);
            assertEquals(expectedEach, call(ParallelKernels.class, "sumEach", a), "threads=" + t);
            assertEquals(reference(ParallelKernels.class, "cheapSum", a), call(ParallelKernels.class, "cheapSum", a));
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 5, 6, 100, 4099})
    void floatingSumsAreBitIdenticalAcrossThreadCounts(int n) throws Throwable {
        double[] a = doubles(n, 7 * n);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) a[i];
        }
        Double sum = null;
        Float floatSum = null;
        for (int t : THREADS) {
            ParallelLoop.configure(t, false);
            double s = (Double) call(ParallelKernels.class, "sum", a);
            float fs = (Float) call(ParallelKernels.class, "sumFloatFrom", f, 0, n, 3.5f);
            if (sum == null) {
                sum = s;
                floatSum = fs;
            }
            assertEquals(Double.doubleToRawLongBits(sum), Double.doubleToRawLongBits(s), "threads=" + t);
            assertEquals(Float.floatToRawIntBits(floatSum), Float.floatToRawIntBits(fs), "threads=" + t);
        }
        double seq = (Double) reference(ParallelKernels.class, "sum", a);
        assertEquals(seq, sum, 1e-9 * Arrays.stream(a).map(Math::abs).sum() + 1e-300);
        if (n <= 5) {
            assertEquals(seq, sum, 0.0, "a range of one chunk runs the original loop");
        }
    }

    @Test
    void aCapturedLocalOfTwoClassesEntersAsItsDeclaredInterface() throws Throwable {
        for (boolean builder : new boolean[] {false, true}) {
            int[] expected = new int[100];
            reference(ParallelKernels.class, "mixedClasses", expected, builder);
            for (int t : THREADS) {
                ParallelLoop.configure(t, false);
                int[] out = new int[100];
                call(ParallelKernels.class, "mixedClasses", out, builder);
                assertArrayEquals(expected, out, "threads=" + t);
            }
        }
    }

    /** The first loop's exit, redirected by the SIMD rewrite of the second, still leads to the second. */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 3, 100, 1001})
    void twoLoopsSharingTheirIndexBothRun(int n) throws Throwable {
        int[] a = ints(n, n);
        int[] b = ints(n + 50, n + 1);
        int[] expectedA = a.clone();
        int[] expectedB = b.clone();
        reference(ParallelKernels.class, "sharedIndex", expectedA, expectedB);
        Class<?> rewritten = loader.loadClass(ParallelKernels.class.getName());
        MethodPlan plan = loader.result(rewritten.getName()).plans().get(loader.planIndex(rewritten, "sharedIndex"));
        assertTrue(plan.decisions().stream().filter(d -> d.annotation().kind() == HotloopAnnotation.Kind.PARALLEL)
                .findFirst().orElseThrow().rewritten(), plan::reportLine);
        for (int t : THREADS) {
            ParallelLoop.configure(t, false);
            int[] outA = a.clone();
            int[] outB = b.clone();
            callRewritten(ParallelKernels.class, "sharedIndex", outA, outB); // the second loop is not parallel
            assertArrayEquals(expectedA, outA, "threads=" + t);
            assertArrayEquals(expectedB, outB, "threads=" + t);
        }
    }

    @Test
    void minAndMaxKeepNaNAndSignedZeroAsTheSequentialRun() throws Throwable {
        double[] a = doubles(200, 3);
        a[17] = -0.0;
        a[90] = Double.longBitsToDouble(0x7ff8000000000123L);
        a[150] = Double.NaN;
        Object expected = reference(ParallelKernels.class, "minMax", a);
        for (int t : THREADS) {
            ParallelLoop.configure(t, false);
            assertEquals(Double.doubleToRawLongBits((Double) expected),
                    Double.doubleToRawLongBits((Double) call(ParallelKernels.class, "minMax", a)), "threads=" + t);
        }
    }

    @Test
    void listsByIndexAndByForEachRandomAccessOrNot() throws Throwable {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            words.add("w".repeat(i % 13));
        }
        for (List<String> list : List.of(words, new LinkedList<>(words), List.copyOf(words), words.subList(3, 7))) {
            for (int t : THREADS) {
                ParallelLoop.configure(t, false);
                assertArrayEquals((int[]) reference(ParallelKernels.class, "lengths", list),
                        (int[]) call(ParallelKernels.class, "lengths", list));
                assertEquals(reference(ParallelKernels.class, "totalLength", list),
                        call(ParallelKernels.class, "totalLength", list));
                assertEquals(reference(ParallelKernels.class, "totalLengthVariable", list),
                        call(ParallelKernels.class, "totalLengthVariable", list));
            }
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 5, 6, 37, 1000})
    void annotatedForEachVariablesOverArraysSplitAsTheMethodFormDoes(int n) throws Throwable {
        int[] a = ints(n, n);
        double[] d = doubles(n, n);
        for (int t : THREADS) {
            ParallelLoop.configure(t, false);
            assertEquals(reference(ParallelKernels.class, "sumEachVariable", a), call(ParallelKernels.class, "sumEachVariable", a));
            assertEquals(reference(ParallelKernels.class, "positivesVariable", d),
                    call(ParallelKernels.class, "positivesVariable", d));
        }
    }

    @Test
    void theFirstFailingIterationsExceptionWithEveryEarlierWrite() throws Throwable {
        int n = 400;
        int[] bad = {123, 124, 300, 399};
        int[] expected = new int[n];
        Throwable seq = thrown(() -> reference(ParallelKernels.class, "fillFailing", expected, bad));
        for (int t : THREADS) {
            ParallelLoop.configure(t, false);
            for (int round = 0; round < 20; round++) {
                int[] out = new int[n];
                Throwable par = thrown(() -> call(ParallelKernels.class, "fillFailing", out, bad));
                assertEquals(seq.getClass(), par.getClass());
                assertEquals(seq.getMessage(), par.getMessage());
                assertArrayEquals(Arrays.copyOf(expected, 123), Arrays.copyOf(out, 123), "writes before the failure");
                for (int i = 123; i < n; i++) {
                    assertTrue(out[i] == 0 || out[i] == i && i > 124, "index " + i + " holds " + out[i]);
                }
            }
        }
    }

    @Test
    void jvmExceptionsKeepTheirMessage() throws Throwable {
        int[] a = ints(50, 1);
        int[] b = ints(50, 2);
        b[31] = 0;
        Throwable seq = thrown(() -> reference(ParallelKernels.class, "divide", a, b, new int[50]));
        Throwable par = thrown(() -> call(ParallelKernels.class, "divide", a, b, new int[50]));
        assertEquals(ArithmeticException.class, par.getClass());
        assertEquals(seq.getMessage(), par.getMessage());
        Throwable npeSeq = thrown(() -> reference(ParallelKernels.class, "divide", a, null, new int[50]));
        Throwable npePar = thrown(() -> call(ParallelKernels.class, "divide", a, null, new int[50]));
        assertEquals(NullPointerException.class, npePar.getClass());
        assertEquals(npeSeq.getMessage(), npePar.getMessage());
        Throwable shortSeq = thrown(() -> reference(ParallelKernels.class, "divide", a, b, new int[60]));
        Throwable shortPar = thrown(() -> call(ParallelKernels.class, "divide", a, b, new int[60]));
        assertEquals(shortSeq.getClass(), shortPar.getClass());
        assertEquals(shortSeq.getMessage(), shortPar.getMessage());
    }

    @Test
    void tryCatchInsideTheBodyAndAnnotatedIndexVariable() throws Throwable {
        String[] in = {"1", "x", "3", "", "-5", "7", "8", "nine", "10", "2147483648", "11"};
        int[] expected = new int[in.length];
        Object bad = reference(ParallelKernels.class, "parseAll", in, expected, "fallback");
        for (int t : THREADS) {
            ParallelLoop.configure(t, false);
            int[] out = new int[in.length];
            assertEquals(bad, call(ParallelKernels.class, "parseAll", in, out, "fallback"));
            assertArrayEquals(expected, out);
        }
    }

    @Test
    void nestedParallelMethodsAndNestedLoops() throws Throwable {
        double[][] rows = new double[40][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = doubles(r * 3, r);
        }
        double[] first = null;
        for (int t : THREADS) {
            ParallelLoop.configure(t, false);
            double[] sums = (double[]) call(ParallelKernels.class, "rowSums", (Object) rows);
            if (first == null) {
                first = sums;
            }
            assertArrayEquals(first, sums, "threads=" + t);
        }
        int n = 33;
        double[] a = doubles(n * n, 1);
        double[] b = doubles(n * n, 2);
        double[] expected = new double[n * n];
        reference(ParallelKernels.class, "matmul", a, b, expected, n);
        double[] c = new double[n * n];
        call(ParallelKernels.class, "matmul", a, b, c, n);
        assertArrayEquals(expected, c);
    }

    @Test
    void instanceMethodsReadTheirFields() throws Throwable {
        Class<?> rewritten = loader.loadClass(ParallelInstance.class.getName());
        double[] w = doubles(300, 5);
        double[] x = doubles(300, 6);
        Object k = rewritten.getConstructor(double[].class, double.class).newInstance(w, 0.25);
        double[] expected = new double[300];
        new ParallelInstance(w, 0.25).apply(x, expected);
        double[] out = new double[300];
        rewritten.getMethod("apply", double[].class, double[].class).invoke(k, x, out);
        assertArrayEquals(expected, out);
    }

    @Test
    void callersFromPoolWorkersAndManyThreadsAtOnce() throws Throwable {
        ParallelLoop.configure(2, false);
        double[] a = doubles(10_000, 11);
        Object expected = call(ParallelKernels.class, "sum", a);
        assertEquals(expected, ForkJoinPool.commonPool().submit((Callable<Object>) () -> sumOf(a)).get());
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(callers.submit((Callable<Object>) () -> sumOf(a)));
            }
            for (Future<Object> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            callers.shutdown();
        }
    }

    private static Object sumOf(double[] a) throws Exception {
        try {
            return call(ParallelKernels.class, "sum", a);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private interface Call {
        void run() throws Throwable;
    }

    private static Throwable thrown(Call c) {
        try {
            c.run();
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected an exception");
    }
}
