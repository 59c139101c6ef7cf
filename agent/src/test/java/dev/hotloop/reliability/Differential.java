package dev.hotloop.reliability;

import dev.hotloop.agent.VectorApi;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.LoopFinder;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.transform.ClassRewriter;
import dev.hotloop.agent.transform.TransformResult;
import dev.hotloop.runtime.tier.Tiers;
import dev.hotloop.testing.C2Warmup;
import dev.hotloop.testing.CompiledCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Runs one compiled class of kernels as javac wrote it and as the agent rewrites it, and reports
 * every difference: the rewriter throwing, ASM's verifier or the JVM rejecting its output, a loop
 * that must be refused being rewritten, and any call whose outcome differs ({@link Outcomes}).
 */
final class Differential implements AutoCloseable {

    private static final ClassLoader PARENT = Differential.class.getClassLoader();
    private static final long KERNEL_TIMEOUT_SECONDS = 60;

    private final ClassRewriter rewriter;
    private final FuzzStats stats;
    private final Duration c2Budget;
    private ExecutorService worker = newWorker();

    /**
     * @param rewriter the rewriter under test
     * @param stats    collects coverage
     */
    Differential(ClassRewriter rewriter, FuzzStats stats) {
        this(rewriter, stats, null);
    }

    /**
     * @param rewriter the rewriter under test
     * @param stats    collects coverage
     * @param c2Budget when not null, each rewritten kernel is called on its inputs until C2 has
     *                 compiled its SIMD form (at most this long) before it is compared, and counted
     *                 in the stats' C2 figures (run with -XX:-TieredCompilation; see C2Warmup)
     */
    Differential(ClassRewriter rewriter, FuzzStats stats, Duration c2Budget) {
        this.rewriter = rewriter;
        this.stats = stats;
        this.c2Budget = c2Budget;
    }

    /**
     * @param agentArgs the agent options, as on the command line (null for the defaults)
     * @return the rewriter the agent would build with them
     */
    static ClassRewriter agentRewriter(String agentArgs) {
        AgentOptions options = AgentOptions.parse(agentArgs, new Properties(), Map.of());
        Tiers.configure(Tiers.Policy.SIMD, null); // the SIMD form from the first call: the form under test
        Tiers.sampleAfter(0);
        return new ClassRewriter(options, new Planner(options, VectorApi.resolved()), new TestRuntimeLink());
    }

    /**
     * @param name     the class's binary name
     * @param original its class file from javac
     * @param kernels  the kernels it holds
     * @return what went wrong; empty when nothing did
     */
    List<Failure> check(String name, byte[] original, List<KernelSpec> kernels) {
        Map<String, byte[]> originals = Map.of(name, original);
        // the rewrite publishes its loops' outlined forms for the loader that defines the class
        Map<String, byte[]> definitions = new HashMap<>();
        BytesLoader rewrittenLoader = new BytesLoader(PARENT, definitions, originals);
        TransformResult result;
        try {
            result = rewriter.rewrite(rewrittenLoader, original);
        } catch (Throwable t) {
            return List.of(new Failure(Failure.Kind.TRANSFORM_THREW, null, trace(t)));
        }
        List<Failure> failures = new ArrayList<>(plans(result, kernels));
        byte[] rewritten = original;
        if (result.bytes() != null) {
            stats.classesChanged++;
            rewritten = result.bytes();
            StringWriter problems = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(rewritten), new BytesLoader(PARENT, originals, originals), false,
                    new PrintWriter(problems));
            if (problems.getBuffer().length() > 0) {
                failures.add(new Failure(Failure.Kind.VERIFY, null, problems.toString()));
                return failures;
            }
        }
        Class<?> before;
        Class<?> after;
        try {
            before = Class.forName(name, true, new BytesLoader(PARENT, originals, originals));
            definitions.put(name, rewritten);
            after = Class.forName(name, true, rewrittenLoader);
        } catch (Throwable t) {
            failures.add(new Failure(Failure.Kind.LOAD, null, trace(t)));
            return failures;
        }
        for (KernelSpec k : kernels) {
            Failure f = runGuarded(before, after, k, CompiledCode.simdMethodsCalledBy(rewritten, k.name()));
            if (f != null) {
                failures.add(f);
            }
        }
        return failures;
    }

    private List<Failure> plans(TransformResult result, List<KernelSpec> kernels) {
        List<Failure> out = new ArrayList<>();
        for (KernelSpec k : kernels) {
            MethodPlan plan = result.plans().stream().filter(p -> p.method().method().name.equals(k.name())).findFirst()
                    .orElse(null);
            if (plan == null) {
                out.add(new Failure(Failure.Kind.PLAN, k.name(), "the annotated kernel has no plan"));
                continue;
            }
            stats.plan(plan);
            for (LoopDecision d : plan.decisions()) {
                if (d.loop() == null) {
                    if (hasLoop(plan)) { // javac drops the back edge of a loop that always exits at once
                        out.add(new Failure(Failure.Kind.PLAN, k.name(), "the annotation found no loop: " + plan.reportLine()));
                    }
                } else if (k.mustRefuse() && d.rewritten() && d.annotation().kind() == HotloopAnnotation.Kind.VECTORIZE) {
                    out.add(new Failure(Failure.Kind.MUST_REFUSE, k.name(), plan.reportLine()));
                }
            }
        }
        return out;
    }

    private static boolean hasLoop(MethodPlan plan) {
        try {
            return !LoopFinder.find(plan.method().owner(), plan.method().method()).isEmpty();
        } catch (AnalyzerException e) {
            return true;
        }
    }

    private Failure runGuarded(Class<?> before, Class<?> after, KernelSpec k, List<String> simd) {
        Future<Failure> f = worker.submit(() -> run(before, after, k, simd));
        try {
            return f.get(KERNEL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            worker.shutdownNow();
            worker = newWorker();
            return new Failure(Failure.Kind.HANG, k.name(), "no result after " + KERNEL_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            return new Failure(Failure.Kind.MISMATCH, k.name(), "the harness failed: " + trace(e.getCause()));
        }
    }

    private Failure run(Class<?> before, Class<?> after, KernelSpec k, List<String> simd) throws ReflectiveOperationException {
        Method original = find(before, k.name());
        Method rewritten = find(after, k.name());
        Method scale = k.fastMath() ? find(before, k.name() + "$scale") : null;
        C2Warmup.Target c2 = c2Budget == null || simd.isEmpty() ? null : warm(rewritten, k, simd);
        for (Inputs.Case c : Inputs.cases(Inputs.arrayCount(original))) {
            Object[] args = Inputs.make(original, c, k.inputSeed());
            double s = Double.NaN;
            int n = 0;
            if (scale != null) {
                Outcome o = Outcome.of(scale, Outcome.copy(args));
                s = o.thrown() == null ? (Double) o.result() : Double.POSITIVE_INFINITY;
                n = iterationBound(args);
            }
            Outcome expected = Outcome.of(original, Outcome.copy(args));
            Outcome actual = Outcome.of(rewritten, Outcome.copy(args));
            stats.calls++;
            String m = Outcomes.mismatch(expected, actual, s, n);
            if (m != null) {
                return new Failure(Failure.Kind.MISMATCH, k.name(), c + (c2 != null ? " (C2-compiled)" : "") + ": " + m
                        + "\n  arguments: " + Inputs.describe(args));
            }
        }
        if (c2 != null && C2Warmup.stillCompiled(List.of(c2)).isEmpty()) {
            stats.c2Deoptimized++;
        }
        return null;
    }

    /** Calls the rewritten kernel on its comparison inputs, round robin, until C2 compiled its SIMD form. */
    private C2Warmup.Target warm(Method rewritten, KernelSpec k, List<String> simd) {
        List<Object[]> inputs = new ArrayList<>();
        for (Inputs.Case c : Inputs.cases(Inputs.arrayCount(rewritten))) {
            inputs.add(Inputs.make(rewritten, c, k.inputSeed()));
        }
        int[] next = {0};
        C2Warmup.Target t = new C2Warmup.Target(k.name(), simd,
                () -> Outcome.of(rewritten, Outcome.copy(inputs.get(next[0]++ % inputs.size()))));
        stats.c2Kernels++;
        if (C2Warmup.untilCompiled(List.of(t), c2Budget).isEmpty()) {
            String caller = rewritten.getDeclaringClass().getName() + "." + k.name();
            Map<String, Integer> compiled = CompiledCode.levels();
            if (compiled.containsKey(caller) && simd.stream().noneMatch(compiled::containsKey)) {
                stats.c2SimdIdle++;
                return null;
            }
            stats.c2Missed.add(rewritten.getDeclaringClass().getName() + "." + k.name() + " (seed " + k.inputSeed() + ")");
            return null;
        }
        stats.c2Proven++;
        return t;
    }

    /**
     * An upper bound on a kernel's iterations: its bounds ({@code n}, {@code to}, {@code rows * cols})
     * never pass the arrays' length by more than a row of at most 9 (see {@link Inputs}).
     */
    private static int iterationBound(Object[] args) {
        int n = 0;
        for (Object a : args) {
            if (a != null && a.getClass().isArray()) {
                n = Math.max(n, java.lang.reflect.Array.getLength(a));
            }
        }
        return n + 16;
    }

    private static Method find(Class<?> c, String name) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalStateException("no method " + name + " in " + c.getName());
    }

    static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 4000 ? s.substring(0, 4000) + "\n..." : s;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hotloop-fuzz-kernel");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
