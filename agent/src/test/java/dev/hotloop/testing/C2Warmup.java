package dev.hotloop.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Calls kernels until C2 has compiled the methods that matter (their outlined SIMD forms), round
 * robin so that one kernel's compilation overlaps the next kernel's calls, and says which got
 * there before the deadline. Run the JVM with {@code -XX:-TieredCompilation} (C2 only) and a low
 * {@code -XX:CompileThresholdScaling} to get there in a few hundred calls, and with
 * {@code -XX:CompileCommand=dontinline,*::hotloop*} so that each SIMD form is compiled as a method
 * of its own, which {@link CompiledCode} can see, rather than only inlined into its caller.
 */
public final class C2Warmup {

    /**
     * @param label   names the kernel in results
     * @param methods the methods ({@code class.method}) that must become C2 code
     * @param call    one call of the kernel on inputs like those it will be checked on
     */
    public record Target(String label, List<String> methods, Runnable call) {
    }

    /** A comparison's result, and whether the target's methods were still C2 code after it. */
    public record Compared<T>(T result, boolean compiled) {
    }

    /** Runs of one comparison, each after C2 compiled the target again, before its deoptimization counts. */
    public static final int DEOPT_ATTEMPTS = 3;
    private static final Duration REWARM_BUDGET = Duration.ofSeconds(30);

    private static final int CALLS_PER_ROUND = 50;
    private static final long PAUSE_MILLIS = 20;

    private C2Warmup() {
    }

    /**
     * @param targets the kernels to warm
     * @param budget  how long to keep calling those not compiled yet
     * @return the labels of the targets whose every method is C2 code in use
     */
    public static Set<String> untilCompiled(List<Target> targets, Duration budget) {
        Set<String> done = new LinkedHashSet<>();
        List<Target> pending = new ArrayList<>();
        for (Target t : targets) {
            if (t.methods().isEmpty()) {
                throw new IllegalArgumentException(t.label() + ": no method to wait for");
            }
            pending.add(t);
        }
        if (!CompiledCode.jitEnabled()) {
            return done;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        while (!pending.isEmpty()) {
            for (Target t : pending) {
                for (int i = 0; i < CALLS_PER_ROUND; i++) {
                    t.call().run();
                }
            }
            Set<String> c2 = CompiledCode.c2Methods();
            pending.removeIf(t -> c2.containsAll(t.methods()) && done.add(t.label()));
            if (System.nanoTime() > deadline) {
                break;
            }
            if (!pending.isEmpty()) {
                sleep();
            }
        }
        return done;
    }

    /**
     * @param targets kernels that were C2 code
     * @return the labels of those whose methods are still C2 code in use (not deoptimized since)
     */
    public static Set<String> stillCompiled(List<Target> targets) {
        Set<String> c2 = CompiledCode.c2Methods();
        Set<String> out = new LinkedHashSet<>();
        for (Target t : targets) {
            if (c2.containsAll(t.methods())) {
                out.add(t.label());
            }
        }
        return out;
    }

    /**
     * Runs a comparison of a target. C2 may deoptimize the target during it (an uncommon trap on an
     * input it had not seen): then, as long as every run agreed, the target is compiled again and
     * the comparison repeated, up to {@value #DEOPT_ATTEMPTS} runs in all.
     *
     * @param target     the kernel, its methods and a call that warms it
     * @param proven     whether {@link #untilCompiled} saw it compiled
     * @param comparison one comparison
     * @param agrees     whether a comparison's result found no difference
     * @return the last comparison's result, and whether the target was still C2 code after it
     */
    public static <T> Compared<T> compare(Target target, boolean proven, Supplier<T> comparison, Predicate<T> agrees) {
        T result = comparison.get();
        boolean compiled = proven && !stillCompiled(List.of(target)).isEmpty();
        for (int run = 1; proven && !compiled && agrees.test(result) && run < DEOPT_ATTEMPTS; run++) {
            if (!untilCompiled(List.of(target), REWARM_BUDGET).isEmpty()) {
                result = comparison.get();
                compiled = !stillCompiled(List.of(target)).isEmpty();
            }
        }
        return new Compared<>(result, compiled);
    }

    private static void sleep() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for C2", e);
        }
    }
}
