package dev.hotloop.bench.runlength;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.transform.ClassRewriter;
import dev.hotloop.agent.transform.FormFiles;
import dev.hotloop.agent.transform.RuntimeLink;
import dev.hotloop.agent.transform.TransformResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

/**
 * What the agent's rewrite of the run-length kernel class ({@link RunLengthKernels}, six annotated
 * methods) costs the thread that loads it: the class rewritten {@code N} times in one JVM, the
 * median per class printed. Run it with {@code -Xint} for what a cold JVM pays (the rewrite runs
 * interpreted there), without for the compiled cost:
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -Xint \
 *       -cp agent/target/hotloop-agent.jar:benchmarks/target/hotloop-benchmarks.jar \
 *       dev.hotloop.bench.runlength.RewriteCost 9
 * </pre>
 *
 * Nothing is registered with the runtime; the outlined loop forms, which the agent writes only
 * when a loop is first measured, are not written here either.
 */
public final class RewriteCost {

    private RewriteCost() {
    }

    /** @param args the number of rewrites (default 9) */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        double[] ms = measure(n);
        System.out.printf("rewrite of %s (%d annotated methods): median %.2f ms per class over %d (min %.2f, max %.2f)%n",
                RunLengthKernels.class.getSimpleName(), rewrite().plans().size(), median(ms), n, min(ms), max(ms));
    }

    /**
     * @param n rewrites
     * @return the time of each, in milliseconds
     */
    static double[] measure(int n) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            rewrite();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    /** @return one rewrite of the kernel class, as the agent's default options make it */
    static TransformResult rewrite() {
        AgentOptions o = AgentOptions.parse("cache=off", new Properties(), Map.of());
        return new ClassRewriter(o, new Planner(o, true), new Unlinked()).rewrite(RewriteCost.class.getClassLoader(), kernels());
    }

    private static byte[] kernels() {
        String name = RunLengthKernels.class.getName().replace('.', '/') + ".class";
        try (InputStream in = RewriteCost.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElse(0);
    }

    private static double max(double[] a) {
        return Arrays.stream(a).max().orElse(0);
    }

    /** Makes nothing visible and registers nothing: the rewrite alone is measured. */
    private static final class Unlinked implements RuntimeLink {
        @Override
        public void ensureVisible() {
        }

        @Override
        public int timingId(String key) {
            return -1;
        }

        @Override
        public void publish(ClassLoader loader, String owner, FormFiles forms) {
        }
    }
}
