package dev.hotloop.agent.transform;

import dev.hotloop.agent.report.Diagnostics;
import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.function.ObjIntConsumer;

/**
 * Gives a method back its original bytecode once every tiered loop in it has settled on its
 * original form: the run-time measurement found the SIMD form slower, or could not measure it.
 * The switch and the copied loop cost such a method 8 to 16 % of the plain JVM's speed in JMH
 * (saxpy and the stride-2 loop at 1,000 elements), whatever C2 makes of them; the original
 * bytecode costs nothing.
 *
 * <p>The class is retransformed on the warm-up thread. Its rewrite runs again from the class's
 * original bytes ({@link HotloopTransformer}), adds the same members (the JVM refuses a
 * retransformation that adds or removes one), and leaves the methods whose loops are all
 * {@linkplain #restored restored} as they were written, apart from their timing probes.
 */
public final class OriginalRestorer implements ObjIntConsumer<Class<?>> {

    private final Instrumentation inst;
    private final Diagnostics diagnostics;
    /** Loop numbers settled on their original form, per class; a class that unloads drops out. */
    private final Map<Class<?>, Set<Integer>> settled = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param inst        retransforms classes
     * @param diagnostics where a failed restore is reported
     */
    public OriginalRestorer(Instrumentation inst, Diagnostics diagnostics) {
        this.inst = inst;
        this.diagnostics = diagnostics;
    }

    /** Records that loop {@code loop} of {@code host} runs its original form for good, and restores what it can. */
    @Override
    public void accept(Class<?> host, int loop) {
        settled.computeIfAbsent(host, c -> Collections.synchronizedSet(new TreeSet<>())).add(loop);
        if (!inst.isRetransformClassesSupported() || !inst.isModifiableClass(host)) {
            return; // the switch stays: it reads SCALAR, and the original loop runs behind it
        }
        try {
            inst.retransformClasses(host);
        } catch (Throwable t) {
            diagnostics.warn("could not restore the original bytecode of " + host.getName() + " (" + t
                    + "); its loops keep running their original form behind the switch");
        }
    }

    /**
     * @param c a class being retransformed, or null for one being loaded
     * @return the numbers of its loops settled on their original form; empty for none
     */
    public Set<Integer> restored(Class<?> c) {
        if (c == null) {
            return Set.of();
        }
        Set<Integer> loops = settled.get(c);
        if (loops == null) {
            return Set.of();
        }
        synchronized (loops) {
            return Set.copyOf(loops);
        }
    }
}
