package dev.hotloop.runtime.tier;

import dev.hotloop.runtime.jfr.Jfr;
import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ObjIntConsumer;

/**
 * The switch between a loop's original form and its SIMD form. Each rewritten loop has a static
 * {@code int} field in its class, read once per loop entry:
 * <ul>
 *   <li>{@link #SAMPLE} (the field's initial value): the loop counts its iterations in a second
 *       field; once they reach {@link #sampleAfter()}, the entry calls {@link #offer} with its
 *       inputs and uses the state it returns (until then the original loop runs);</li>
 *   <li>{@link #SCALAR}: the original loop runs (while the SIMD form is measured, and for good when
 *       it measured slower);</li>
 *   <li>{@link #SIMD}: the SIMD form runs, then the original loop finishes the last iterations.</li>
 * </ul>
 * The SIMD form never runs on the caller's thread before it is compiled: only the warm-up thread
 * calls it until the measurement has switched it on. A loop that settles on {@link #SCALAR} for
 * good is handed to the {@link #onOriginal} listener, on the warm-up thread: the agent then gives
 * its method back its original bytecode, so a loop kept as written runs exactly as written.
 */
public final class Tiers {

    public static final int SAMPLE = 0;
    public static final int SCALAR = 1;
    public static final int SIMD = 2;

    /**
     * Names of what the agent adds per loop N: the switch and the work count, fields of the class; the
     * two outlined forms, methods of the class that {@link Forms} defines for the loop (or of the
     * class itself, in class files before Java 7 and in parallel chunks).
     */
    public static final String SWITCH_FIELD = "hotloop$tier$";
    public static final String WORK_FIELD = "hotloop$work$";
    public static final String SIMD_METHOD = "hotloop$simd$";
    public static final String SCALAR_METHOD = "hotloop$scalar$";
    /** The class that holds loop N's two forms is {@code Owner} + this + N, in the owner's package. */
    public static final String FORMS_CLASS = "$hotloop$";

    /** How a loop's form is chosen. */
    public enum Policy {
        /** Measure both forms on a copy of the first inputs, on the warm-up thread (the default). */
        MEASURE,
        /** The SIMD form from the first call (tests of the SIMD form itself). */
        SIMD,
        /** The original loop always (measurements off). */
        SCALAR,
        /**
         * Measure as {@link #MEASURE} does, then switch the SIMD form on whatever was measured:
         * tests of the switch itself, which must not depend on how fast the machine is.
         */
        MEASURE_THEN_SIMD,
        /**
         * Measure as {@link #MEASURE} does, then count the SIMD form slower whatever was measured:
         * tests of a kept original loop, which is confirmed by a second measurement.
         */
        MEASURE_THEN_SCALAR
    }

    private static final List<TierRecord> RECORDS = new CopyOnWriteArrayList<>();
    private static volatile Policy policy = Policy.MEASURE;
    private static volatile PrintStream announce;
    private static volatile ObjIntConsumer<Class<?>> original;
    private static volatile long budgetNanos = 2_000_000_000L;
    /**
     * Iterations a loop runs (over all its entries) before it is measured: about 4 ms to 20 ms of
     * scalar work. A shorter program never starts a measurement, and pays nothing for it.
     */
    private static volatile long sampleAfter = 1L << 22;

    private Tiers() {
    }

    /**
     * @param how      how forms are chosen
     * @param decisions where a line is printed as each loop's form is chosen, or null
     */
    public static void configure(Policy how, PrintStream decisions) {
        policy = how;
        announce = decisions;
    }

    /**
     * @param listener told, on the warm-up thread, of each loop ({@code hotloop$simd$N} of the class)
     *                 whose original form runs for good; null for none
     */
    public static void onOriginal(ObjIntConsumer<Class<?>> listener) {
        original = listener;
    }

    /**
     * The loop runs its original form from now on: the listener hears of it on the warm-up thread
     * (a caller that got here from {@link #offer} does not wait for what the listener does).
     */
    static void settledOnOriginal(Class<?> host, int loop) {
        ObjIntConsumer<Class<?>> l = original;
        if (l != null) {
            WarmupThread.submit(() -> l.accept(host, loop));
        }
    }

    /** @return the current policy */
    public static Policy policy() {
        return policy;
    }

    /** @param nanos the most time the warm-up thread spends on one loop */
    public static void budget(long nanos) {
        budgetNanos = nanos;
    }

    /** @param iterations the work a loop does before it is measured (tests: 0) */
    public static void sampleAfter(long iterations) {
        sampleAfter = iterations;
    }

    /** @return the work a loop does before it is measured; read by rewritten code while it samples */
    public static long sampleAfter() {
        return sampleAfter;
    }

    /**
     * @param nanos the most time to wait
     * @return whether every queued measurement has finished (tests: no measurement outlives its test)
     * @throws InterruptedException when interrupted while waiting
     */
    public static boolean awaitIdle(long nanos) throws InterruptedException {
        return WarmupThread.awaitIdle(nanos);
    }

    static long budgetNanos() {
        return budgetNanos;
    }

    static PrintStream announce() {
        return announce;
    }

    static void record(TierRecord r) {
        RECORDS.add(r);
        Jfr.tierDecided(r);
    }

    /** @return the loops whose form was chosen (or could not be measured), in decision order */
    public static List<TierRecord> records() {
        return List.copyOf(RECORDS);
    }

    /**
     * Called by rewritten code at the entry of a loop whose switch is {@link #SAMPLE}. It copies the
     * arrays among {@code args} (the loop's inputs; no user data is ever written by a measurement)
     * and queues the measurement. Cheap: no method handle is made on the caller's thread.
     *
     * @param lookup  the rewritten class's lookup, to reach its outlined loop methods and switch
     * @param loop    the loop's number in its class ({@code hotloop$simd$N})
     * @param site    {@code Class.method(params) line N}, for reports
     * @param summary the SIMD form, {@code SIMD float x16, reduction +}
     * @param args    the outlined methods' arguments: the induction variable, the reductions, then
     *                the loop's other inputs
     * @return the state this entry runs with, which the caller stores in the switch
     */
    public static int offer(MethodHandles.Lookup lookup, int loop, String site, String summary, Object[] args) {
        Policy p = policy;
        if (p == Policy.SIMD) {
            return SIMD;
        }
        if (p == Policy.SCALAR) {
            return SCALAR;
        }
        try {
            Object[] copy = Inputs.copy(args);
            if (copy == null) {
                record(TierRecord.unmeasured(site, summary, "its inputs are over " + (Inputs.MAX_BYTES >> 20)
                        + " MB, too large to copy for a measurement; the original loop runs"));
                settledOnOriginal(lookup.lookupClass(), loop);
                return SCALAR;
            }
            Trial t = Trial.start(lookup, loop, site, summary, copy);
            if (t != null) {
                WarmupThread.submit(t);
            }
        } catch (Throwable t) {
            record(TierRecord.unmeasured(site, summary, "the measurement could not start (" + t + "); the original loop runs"));
            settledOnOriginal(lookup.lookupClass(), loop);
        }
        return SCALAR;
    }
}
