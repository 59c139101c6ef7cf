package dev.hotloop.runtime.tier;

import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures one loop on the warm-up thread: calls the outlined SIMD form ({@code hotloop$simd$N},
 * followed by the original loop's scalar twin for the last iterations, as the rewritten method
 * runs them) and the scalar twin alone ({@code hotloop$scalar$N}), both in the class {@link Forms}
 * defines for the loop (written and loaded here, off the program's threads), on private copies of the
 * loop's first inputs, alternately, until both are compiled (their time per call has stopped
 * falling) or the budget is spent; then times both and switches the SIMD form on only when it
 * was faster by a margin.
 */
final class Trial implements Runnable {

    /** Calls of each form before its time counts: past C2's invocation thresholds. */
    static final int WARM_CALLS = 6_000;
    /**
     * Fewer calls do where each call is long: {@link #WARM_CALLS} calls of 1,000 iterations, or at
     * least {@link #MIN_WARM_CALLS} calls (past C2's minimum invocation count, 600 by default, with
     * the loops' back-edges long past theirs). A loop over a million elements then settles in about
     * 1,000 calls, within the budget, where 6,000 calls of each form took longer than it.
     */
    static final long WARM_ITERATIONS = 6_000_000L;
    static final int MIN_WARM_CALLS = 1_000;
    /** The SIMD form must take at most this share of the original's time to be switched on. */
    static final double MARGIN = 0.95;
    private static final int ROUNDS = 7;
    private static final long BATCH_NANOS = 300_000;
    private static final int MAX_SAMPLES = 8;
    /**
     * Samples a loop may take while its measurements run out of budget before the forms settle:
     * each costs the warm-up thread up to the budget, so a machine too loaded to compile them in
     * that time gets a decision on the third.
     */
    private static final int UNSETTLED_SAMPLES = 3;
    /** Samples taken per loop ({@code class#N}), so that a loop whose calls never fit stops asking. */
    private static final ConcurrentHashMap<String, Integer> SAMPLES = new ConcurrentHashMap<>();
    /**
     * Measurements per loop that found the SIMD form slower. The first is confirmed by a second
     * before the original loop is kept for good: a form deoptimized just before its timing runs in
     * the interpreter or C1, ten times slower, while the JIT sits idle until its counters call for
     * a new compilation (seen on a loaded machine: a 3x dot product measured at 0.09x).
     */
    private static final ConcurrentHashMap<String, Integer> SLOWER = new ConcurrentHashMap<>();
    /** Loops being measured: a second thread's sample of the same loop is not measured twice. */
    private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

    private final MethodHandles.Lookup lookup;
    private final String key;
    private final int loop;
    private final String site;
    private final String summary;
    private final Object[] pristine;
    private Object[] work;
    private MethodHandle simd;
    private MethodHandle scalar;
    private Class<?>[] types;

    private Trial(MethodHandles.Lookup lookup, String key, int loop, String site, String summary, Object[] pristine) {
        this.lookup = lookup;
        this.key = key;
        this.loop = loop;
        this.site = site;
        this.summary = summary;
        this.pristine = pristine;
    }

    /**
     * @return a measurement of the loop on these inputs, or null when the loop is being measured
     *     already or has had its share of samples
     */
    static Trial start(MethodHandles.Lookup lookup, int loop, String site, String summary, Object[] inputs) {
        Class<?> owner = lookup.lookupClass();
        String key = owner.getName() + "@" + Integer.toHexString(System.identityHashCode(owner)) + "#" + loop;
        if (!RUNNING.add(key)) {
            return null;
        }
        if (SAMPLES.merge(key, 1, Integer::sum) > MAX_SAMPLES) {
            RUNNING.remove(key);
            return null;
        }
        return new Trial(lookup, key, loop, site, summary, inputs);
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        VarHandle gate = null;
        int state = Tiers.SCALAR;
        try {
            Class<?> owner = lookup.lookupClass();
            gate = lookup.findStaticVarHandle(owner, Tiers.SWITCH_FIELD + loop, int.class);
            MethodHandles.Lookup forms = Forms.of(lookup, loop);
            Method simdMethod = method(forms.lookupClass(), Tiers.SIMD_METHOD + loop);
            types = simdMethod.getParameterTypes();
            simd = spread(forms.unreflect(simdMethod));
            scalar = spread(forms.unreflect(method(forms.lookupClass(), Tiers.SCALAR_METHOD + loop)));
            work = Inputs.copy(pristine);
            long first = iv(simd.invokeExact(work));
            if (first == ((Number) pristine[0]).longValue()) {
                // the guards sent this call to the original loop (too few iterations, an index out of
                // range, aliasing): nothing to measure on these inputs; ask a later call for its own
                state = SAMPLES.get(key) < MAX_SAMPLES ? Tiers.SAMPLE : Tiers.SCALAR;
                if (state == Tiers.SCALAR) {
                    Tiers.record(TierRecord.unmeasured(site, summary, "none of the first " + MAX_SAMPLES
                            + " calls could run the SIMD form (too few iterations, or an index out of range); the original loop runs"));
                }
                return;
            }
            long iterations = Math.abs(iv(scalar.invokeExact(fresh())) - ((Number) pristine[0]).longValue());
            long deadline = start + Tiers.budgetNanos();
            if (!warm(deadline, warmCalls(iterations)) && SAMPLES.get(key) < UNSETTLED_SAMPLES && Tiers.policy() != Tiers.Policy.MEASURE_THEN_SIMD) {
                // The budget ran out while the JIT was still compiling (a C2 compilation of the SIMD
                // form takes seconds on a loaded machine): timing now would decide for good on code
                // that is not yet what it will be. A later call offers its inputs again, and that
                // measurement starts from the code compiled meanwhile.
                state = Tiers.SAMPLE;
                return;
            }
            double[] v = new double[ROUNDS];
            double[] s = new double[ROUNDS];
            int batch = batchSize();
            for (int r = 0; r < ROUNDS; r++) {
                v[r] = timeSimd(batch);
                s[r] = timeScalar(batch);
            }
            double simdNanos = median(v);
            double scalarNanos = median(s);
            boolean on = Tiers.policy() == Tiers.Policy.MEASURE_THEN_SIMD
                    || faster(v, s) && Tiers.policy() != Tiers.Policy.MEASURE_THEN_SCALAR;
            if (!on && SLOWER.merge(key, 1, Integer::sum) == 1 && SAMPLES.get(key) < MAX_SAMPLES) {
                state = Tiers.SAMPLE; // a later call's sample confirms it, or not
                return;
            }
            state = on ? Tiers.SIMD : Tiers.SCALAR;
            TierRecord rec = new TierRecord(site, summary, on, simdNanos, scalarNanos, iterations,
                    System.nanoTime() - start, null);
            Tiers.record(rec);
            PrintStream out = Tiers.announce();
            if (out != null) {
                out.println("[hotloop] " + rec.line());
            }
        } catch (Throwable t) {
            state = Tiers.SCALAR;
            Tiers.record(TierRecord.unmeasured(site, summary, "the measurement failed (" + t + "); the original loop runs"));
        } finally {
            RUNNING.remove(key);
            publish(gate, state);
            if (state == Tiers.SCALAR && gate != null) {
                Tiers.settledOnOriginal(lookup.lookupClass(), loop); // every SCALAR this method decides is for good
            }
        }
    }

    /**
     * Sets the switch once the caller has stored the state its sample returned ({@link Tiers#SCALAR},
     * right after {@link Tiers#offer} returns): a measurement that ends first waits for it, so the
     * caller's store never overwrites the decision.
     */
    private static void publish(VarHandle gate, int state) {
        if (gate == null) {
            return;
        }
        for (int i = 0; i < 2_000; i++) {
            if (gate.compareAndSet(Tiers.SCALAR, state) || (int) gate.getVolatile() != Tiers.SAMPLE) {
                return;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return; // the warm-up thread is never interrupted but by the JVM's end
            }
        }
    }

    /**
     * Runs both forms alternately until each has been called past the JIT's thresholds and its time
     * has stopped falling, and then either the SIMD form is ahead (compiled code only gets faster)
     * or the JIT has been idle for a while (both are compiled as far as they will be: a C1-compiled
     * Vector API loop is as steady as a C2-compiled one, only many times slower); or until the
     * budget is spent.
     *
     * @param deadline  when the budget is spent
     * @param warmCalls the calls of each form before their times count ({@link #warmCalls})
     * @return whether the forms settled; false when the budget ran out first
     */
    private boolean warm(long deadline, long warmCalls) throws Throwable {
        JitActivity jit = new JitActivity();
        int calls = 0;
        int batch = 16;
        double lastV = Double.MAX_VALUE;
        double lastS = Double.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            double v = timeSimd(batch);
            double s = timeScalar(batch);
            calls += batch;
            boolean settled = v > 0.85 * lastV && s > 0.85 * lastS;
            if (calls >= warmCalls && settled && (v <= MARGIN * s || jit.idle())) {
                return true;
            }
            lastV = v;
            lastS = s;
            // batches of about a millisecond once the forms are fast, so that time is checked often
            batch = (int) Math.max(16, Math.min(4096, 1_000_000 / Math.max(1, Math.max(v, s))));
        }
        return false;
    }

    private int batchSize() throws Throwable {
        double per = Math.max(timeSimd(4), timeScalar(4));
        return (int) Math.max(1, Math.min(100_000, BATCH_NANOS / Math.max(1, per)));
    }

    /** @return nanoseconds per call of the SIMD form plus the original loop's last iterations */
    private double timeSimd(int calls) throws Throwable {
        Inputs.refresh(pristine, work);
        long t0 = System.nanoTime();
        for (int c = 0; c < calls; c++) {
            Object out = simd.invokeExact(work);
            Object ignored = scalar.invokeExact(resume(out));
        }
        return (System.nanoTime() - t0) / (double) calls;
    }

    private double timeScalar(int calls) throws Throwable {
        Inputs.refresh(pristine, work);
        long t0 = System.nanoTime();
        for (int c = 0; c < calls; c++) {
            Object ignored = scalar.invokeExact(work);
        }
        return (System.nanoTime() - t0) / (double) calls;
    }

    private Object[] fresh() {
        Inputs.refresh(pristine, work);
        return work;
    }

    /** @return the arguments that continue the loop where the SIMD form stopped */
    private Object[] resume(Object out) {
        Object[] args = work.clone();
        if (out instanceof long[] bits) {
            for (int j = 0; j < bits.length; j++) {
                args[j] = unpack(types[j], bits[j]);
            }
        } else {
            args[0] = out;
        }
        return args;
    }

    private static Object unpack(Class<?> type, long bits) {
        if (type == float.class) {
            return Float.intBitsToFloat((int) bits);
        } else if (type == double.class) {
            return Double.longBitsToDouble(bits);
        } else if (type == long.class) {
            return bits;
        }
        return (int) bits;
    }

    private static long iv(Object out) {
        return out instanceof long[] bits ? (int) bits[0] : ((Number) out).longValue();
    }

    private static MethodHandle spread(MethodHandle h) {
        MethodType generic = MethodType.genericMethodType(h.type().parameterCount());
        return h.asType(generic).asSpreader(Object[].class, h.type().parameterCount());
    }

    private static Method method(Class<?> owner, String name) throws NoSuchMethodException {
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new NoSuchMethodException(owner.getName() + "." + name);
    }

    /**
     * @param iterations the iterations of one call of the measured loop
     * @return the calls of each form before their times count
     */
    static long warmCalls(long iterations) {
        return Math.max(MIN_WARM_CALLS, Math.min(WARM_CALLS, WARM_ITERATIONS / Math.max(1, iterations)));
    }

    /**
     * @param simd   the SIMD form's time per call, by round
     * @param scalar the original loop's, measured alternately with it
     * @return whether the SIMD form is faster by the margin: in the medians, and in all rounds but
     *     one. A loop whose rounds disagree is one the measurement cannot tell apart from the
     *     original (seen: a gather over 1,000,000 random indexes measured 1.08x in the medians, on
     *     a machine whose memory the program's own loop was loading at the same time, and ran
     *     0.89x of plain in JMH); it keeps its original form
     */
    static boolean faster(double[] simd, double[] scalar) {
        int wins = 0;
        for (int r = 0; r < simd.length; r++) {
            if (simd[r] <= MARGIN * scalar[r]) {
                wins++;
            }
        }
        return median(simd) <= MARGIN * median(scalar) && wins >= simd.length - 1;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
