package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.Parallel;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.targets.parallel.ParallelKernels;
import dev.hotloop.runtime.parallel.ParallelLoop;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JaCoCo's agent first, Hotloop second, for {@code @Parallel}: a probe store ({@code true} into the
 * probe array) is idempotent, so the loops JaCoCo instruments are parallelized as without it, and
 * each call sets the probes the sequential loop sets. When an iteration throws, the iterations that
 * other threads had started may set probes the sequential loop never reached, as they may write
 * elements: the probes then include the sequential ones.
 */
class JacocoParallelProbeTest {

    private static final int[] THREADS = {1, 2, 3, 7};
    private static final int[] SIZES = {0, 1, 2, 3, 7, 100, 1001};
    private static JacocoCoverage alone;
    private static JacocoCoverage rewritten;
    private static InstrumentingLoader plain;

    @BeforeAll
    static void load() throws Exception {
        alone = new JacocoCoverage(null);
        rewritten = new JacocoCoverage(AgentOptions.defaults());
        plain = new InstrumentingLoader(AgentOptions.defaults());
    }

    @AfterAll
    static void stop() {
        alone.shutdown();
        rewritten.shutdown();
        ParallelLoop.configure(Runtime.getRuntime().availableProcessors(), false);
    }

    @Test
    void everyLoopParallelWithoutJacocoIsParallelWithIt() throws Exception {
        Class<?> without = plain.loadClass(ParallelKernels.class.getName());
        Class<?> with = rewritten.loader().loadClass(ParallelKernels.class.getName());
        int parallel = 0;
        for (Method m : ParallelKernels.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Parallel.class)) {
                List<Boolean> expected = rewrittenLoops(plain, without, m.getName());
                List<Boolean> actual = rewrittenLoops(rewritten.loader(), with, m.getName());
                String line = rewritten.loader().result(with.getName()).plans().get(rewritten.loader().planIndex(with, m.getName())).reportLine();
                if (m.getName().equals("sharedIndex")) {
                    // not yet: the loop's exit label is also the next loop's header, so JaCoCo
                    // leaves the loop through a probe block laid out inside it
                    assertTrue(line.contains("code outside the loop lies between its instructions"), line);
                    continue;
                }
                assertEquals(expected, actual, m.getName() + " with JaCoCo's probes: " + line);
                parallel += expected.contains(true) ? 1 : 0;
            }
        }
        assertTrue(parallel >= 8, parallel + " methods parallelized");
    }

    private static List<Boolean> rewrittenLoops(InstrumentingLoader loader, Class<?> c, String name) {
        MethodPlan plan = loader.result(c.getName()).plans().get(loader.planIndex(c, name));
        List<Boolean> out = new ArrayList<>();
        for (LoopDecision d : plan.decisions()) {
            out.add(d.rewritten());
        }
        return out;
    }

    @Test
    void probesAreTheSequentialOnes() throws Throwable {
        for (int t : THREADS) {
            ParallelLoop.configure(t, false);
            for (int n : SIZES) {
                double[] a = new double[n];
                int[] x = new int[n];
                int[] y = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = i - n / 2.0;
                    x[i] = i * 7 - 3;
                    y[i] = i % 5 + 1;
                }
                String where = "threads=" + t + " n=" + n;
                same(where, "scale", a, 1.5, new double[n]);
                same(where, "sum", a);
                same(where, "minMax", a);
                same(where, "sumEach", x);
                same(where, "divide", x, y, new int[n]);
                same(where, "cheapSum", x);
                same(where, "fillFailing", new int[n], new int[0]);
            }
        }
    }

    @Test
    void aThrowingIterationLeavesAtLeastTheSequentialProbes() throws Throwable {
        for (int t : THREADS) {
            ParallelLoop.configure(t, false);
            for (int n : new int[] {1, 7, 100, 1001}) {
                for (int bad : new int[] {0, n / 2, n - 1}) {
                    boolean[][] p = run("fillFailing", new int[n], new int[] {bad});
                    for (int i = 0; i < p[0].length; i++) {
                        int k = i;
                        assertTrue(!p[0][i] || p[1][i], () -> "threads=" + t + " n=" + n + " bad=" + bad + ": probe " + k + " missing");
                    }
                }
            }
        }
    }

    private static void same(String where, String name, Object... args) throws Throwable {
        boolean[][] p = run(name, args);
        assertArrayEquals(p[0], p[1], where + " " + name + ": the probes set");
    }

    /** @return the probes of the sequential (JaCoCo alone) and the parallel run, on copies of {@code args} */
    private static boolean[][] run(String name, Object... args) throws Throwable {
        String owner = ParallelKernels.class.getName().replace('.', '/');
        alone.probes(owner);
        rewritten.probes(owner);
        Object expected = call(alone.loader(), name, copy(args));
        Object actual = call(rewritten.loader(), name, copy(args));
        if (!(expected instanceof Throwable)) {
            assertEquals(Arrays.deepToString(new Object[] {expected}), Arrays.deepToString(new Object[] {actual}), name);
        } else {
            assertEquals(expected.getClass(), actual.getClass(), name);
        }
        return new boolean[][] {alone.probes(owner), rewritten.probes(owner)};
    }

    private static Object[] copy(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof double[] d) {
                out[i] = d.clone();
            } else if (out[i] instanceof int[] d) {
                out[i] = d.clone();
            }
        }
        return out;
    }

    private static Object call(ClassLoader loader, String name, Object[] args) throws Exception {
        Class<?> c = loader.loadClass(ParallelKernels.class.getName());
        Method m = Arrays.stream(c.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }
}
