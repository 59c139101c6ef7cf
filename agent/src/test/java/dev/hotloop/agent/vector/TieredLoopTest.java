package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.vector.TieredKernels;
import dev.hotloop.agent.transform.InstrumentingLoader;
import dev.hotloop.runtime.tier.TierRecord;
import dev.hotloop.runtime.tier.Tiers;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tiered switch: the original loop runs while the SIMD form is measured on the warm-up thread,
 * results stay bit-identical before, during and after the switch, the measurement never writes the
 * caller's arrays, and a loop whose calls never suit the SIMD form stops asking.
 */
class TieredLoopTest {

    private static final String KERNELS = "dev.hotloop.agent.targets.vector.TieredKernels";
    private static final long WAIT_NANOS = 60_000_000_000L;

    private Class<?> rewritten;
    private int recordsBefore;

    @BeforeEach
    void measure() throws Exception {
        rewritten = new InstrumentingLoader(AgentOptions.defaults()).loadClass(KERNELS);
        Tiers.configure(Tiers.Policy.MEASURE, null);
        Tiers.sampleAfter(0);
        Tiers.budget(1_000_000_000L);
        recordsBefore = Tiers.records().size();
    }

    @AfterEach
    void restore() throws InterruptedException {
        assertTrue(Tiers.awaitIdle(WAIT_NANOS), "the test's measurements end");
        Tiers.configure(Tiers.Policy.SIMD, null);
        Tiers.sampleAfter(0);
        Tiers.budget(2_000_000_000L);
    }

    @Test
    void theOriginalLoopRunsUntilTheMeasurementDecides() throws Exception {
        Method sum = rewritten.getMethod("sumInt", int[].class);
        int[] a = ints(new SplittableRandom(1), 1000);
        assertEquals(Tiers.SAMPLE, gate(0), "a loop starts by asking for a sample");
        assertEquals(TieredKernels.sumInt(a), sum.invoke(null, (Object) a));
        int after = gate(0);
        assertTrue(after == Tiers.SCALAR || after == Tiers.SIMD, "the sample's call stored the state it ran with: " + after);
        TierRecord r = awaitRecord("sumInt", calling(sum, a)); // a slower form is confirmed on a later call's sample
        assertTrue(r.measured(), r.line());
        assertTrue(r.simdNanos() > 0 && r.scalarNanos() > 0, r.line());
        assertEquals(1000, r.iterations(), r.line());
        assertEquals(r.simd() ? Tiers.SIMD : Tiers.SCALAR, gate(0), "the switch holds the measured choice");
    }

    @Test
    void resultsAreIdenticalBeforeDuringAndAfterTheSwitch() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        Method sum = rewritten.getMethod("sumInt", int[].class);
        Method select = rewritten.getMethod("select", int[].class, int[].class, int[].class);
        Method hypot = rewritten.getMethod("hypot", float[].class, float[].class, float[].class);
        Method max = rewritten.getMethod("maxLong", long[].class, int.class, int.class);
        Object weighed = rewritten.getConstructor(float[].class).newInstance((Object) floats(rnd, 1031));
        TieredKernels plainWeighed = new TieredKernels((float[]) field(weighed, "weights"));
        Method weigh = rewritten.getMethod("weigh", float[].class, float[].class);
        int[] calls = new int[1];
        Runnable call = () -> {
            int n = calls[0]++ % 3 == 0 ? 1000 : 17 + (calls[0] * 31) % 1000; // the sample's size, then others
            try {
                int[] a = ints(rnd, n);
                int[] b = ints(rnd, n);
                assertEquals(TieredKernels.sumInt(a), sum.invoke(null, (Object) a));
                int[] want = new int[n];
                int[] got = new int[n];
                TieredKernels.select(a, b, want);
                select.invoke(null, a, b, got);
                assertArrayEquals(want, got);
                float[] x = floats(rnd, n);
                float[] y = floats(rnd, n);
                float[] fw = new float[n];
                float[] fg = new float[n];
                TieredKernels.hypot(x, y, fw);
                hypot.invoke(null, x, y, fg);
                assertArrayEquals(fw, fg);
                long[] l = rnd.longs(n).toArray();
                int from = n / 7;
                assertEquals(TieredKernels.maxLong(l, from, n), max.invoke(null, l, from, n));
                float[] ww = new float[Math.min(n, 1031)];
                float[] wg = new float[ww.length];
                plainWeighed.weigh(x, ww);
                weigh.invoke(weighed, x, wg);
                assertArrayEquals(ww, wg);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        };
        for (String kernel : List.of("sumInt", "select", "hypot", "maxLong", "weigh")) {
            TierRecord r = awaitRecord(kernel, call);
            assertTrue(r.measured(), r.line());
        }
        for (int i = 0; i < 300; i++) {
            call.run(); // after every switch
        }
    }

    @Test
    void theMeasurementNeverWritesTheCallersArrays() throws Exception {
        Method scale = rewritten.getMethod("scaleInPlace", float[].class, float.class);
        float[] data = floats(new SplittableRandom(3), 4096);
        float[] want = data.clone();
        TieredKernels.scaleInPlace(want, 1.5f);
        scale.invoke(null, data, 1.5f);
        float[] once = data.clone();
        assertArrayEquals(want, once);
        float[] other = data.clone();
        awaitRecord("scaleInPlace", calling(scale, other, 1f)); // thousands of calls on the warm-up thread meanwhile
        assertArrayEquals(once, data, "the warm-up thread worked on copies");
    }

    @Test
    void callsTooShortForTheSimdFormAreNoSamples() throws Exception {
        Method sum = rewritten.getMethod("sumInt", int[].class);
        int[] tiny = {1, 2, 3};
        for (int i = 0; i < 100; i++) {
            assertEquals(6, sum.invoke(null, (Object) tiny));
        }
        assertEquals(Tiers.SAMPLE, gate(0), "still waiting for a call long enough to measure");
        assertEquals(recordsBefore, Tiers.records().size());
    }

    @Test
    void aLoopWhoseGuardsAlwaysFailStopsAsking() throws Exception {
        Method select = rewritten.getMethod("select", int[].class, int[].class, int[].class);
        SplittableRandom rnd = new SplittableRandom(11);
        int loop = 2; // sumInt, scaleInPlace, select: the class's third SIMD loop
        TierRecord r = awaitRecord("select", () -> {
            int[] a = ints(rnd, 1000);
            int[] b = ints(rnd, 1000);
            int[] want = a.clone();
            TieredKernels.select(want, b, want);
            try {
                select.invoke(null, a, b, a); // written and read through two names: the alias guard fails
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            assertArrayEquals(want, a);
        });
        assertTrue(!r.measured() && r.reason().contains("none of the first"), r.line());
        assertEquals(Tiers.SCALAR, gate(loop));
    }

    @Test
    void aLoopIsMeasuredOnlyOnceItHasDoneEnoughWork() throws Exception {
        Tiers.sampleAfter(4_500);
        try {
            Method sum = rewritten.getMethod("sumInt", int[].class);
            int[] a = ints(new SplittableRandom(9), 1000);
            for (int call = 1; call <= 4; call++) {
                assertEquals(TieredKernels.sumInt(a), sum.invoke(null, (Object) a));
                assertEquals(Tiers.SAMPLE, gate(0), "after " + call * 1000 + " iterations the loop has not asked for a measurement");
            }
            assertEquals(recordsBefore, Tiers.records().size());
            assertEquals(TieredKernels.sumInt(a), sum.invoke(null, (Object) a));
            assertEquals(Tiers.SCALAR, gate(0), "at 5,000 iterations it sampled its inputs");
            assertTrue(awaitRecord("sumInt", calling(sum, a)).measured());
        } finally {
            Tiers.sampleAfter(0);
        }
    }

    /**
     * A measurement whose budget runs out before both forms settled (the JIT still compiling, as on
     * a loaded machine) does not decide for good on code that is not yet what it will be: the loop
     * asks again, and only the last of its samples decides on what it has.
     */
    @Test
    void aMeasurementOutOfBudgetAsksAgainInsteadOfDeciding() throws Exception {
        Tiers.budget(1);
        Method sum = rewritten.getMethod("sumInt", int[].class);
        int[] a = ints(new SplittableRandom(13), 1000);
        assertEquals(TieredKernels.sumInt(a), sum.invoke(null, (Object) a));
        assertTrue(Tiers.awaitIdle(WAIT_NANOS));
        assertEquals(Tiers.SAMPLE, gate(0), "no decision: the loop asks for another sample");
        assertEquals(recordsBefore, Tiers.records().size());
        TierRecord r = awaitRecord("sumInt", () -> {
            try {
                assertEquals(TieredKernels.sumInt(a), sum.invoke(null, (Object) a));
                assertTrue(Tiers.awaitIdle(WAIT_NANOS));
            } catch (ReflectiveOperationException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(r.measured(), "the last sample decides: " + r.line());
        assertEquals(r.simd() ? Tiers.SIMD : Tiers.SCALAR, gate(0));
    }

    /**
     * A SIMD form measured slower is measured once more, on a later call's sample, before the
     * original loop is kept for good: a form deoptimized just before its timing runs ten times
     * slower while the JIT sits idle.
     */
    @Test
    void aSlowerSimdFormIsConfirmedByASecondMeasurement() throws Exception {
        Tiers.configure(Tiers.Policy.MEASURE_THEN_SCALAR, null);
        Method sum = rewritten.getMethod("sumInt", int[].class);
        int[] a = ints(new SplittableRandom(17), 1000);
        assertEquals(TieredKernels.sumInt(a), sum.invoke(null, (Object) a));
        assertTrue(Tiers.awaitIdle(WAIT_NANOS));
        assertEquals(Tiers.SAMPLE, gate(0), "the first 'slower' asks for another sample");
        assertEquals(recordsBefore, Tiers.records().size());
        TierRecord r = awaitRecord("sumInt", calling(sum, a));
        assertTrue(r.measured() && !r.simd(), r.line());
        assertEquals(Tiers.SCALAR, gate(0), "the second keeps the original loop");
    }

    @Test
    void theScalarPolicyNeverSwitches() throws Exception {
        Tiers.configure(Tiers.Policy.SCALAR, null);
        Method sum = rewritten.getMethod("sumInt", int[].class);
        int[] a = ints(new SplittableRandom(5), 2000);
        for (int i = 0; i < 50; i++) {
            assertEquals(TieredKernels.sumInt(a), sum.invoke(null, (Object) a));
        }
        assertEquals(Tiers.SCALAR, gate(0));
        assertEquals(recordsBefore, Tiers.records().size());
    }

    /** @return a call of the kernel on these arguments, as a program goes on calling it */
    private static Runnable calling(Method kernel, Object... args) {
        return () -> {
            try {
                kernel.invoke(null, args);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        };
    }

    /** Calls {@code call} (if it does anything) until the kernel's loop has a record. */
    private TierRecord awaitRecord(String kernel, Runnable call) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            call.run();
            List<TierRecord> all = Tiers.records();
            for (int i = recordsBefore; i < all.size(); i++) {
                if (all.get(i).site().contains("TieredKernels." + kernel + "(")) {
                    return all.get(i);
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no measurement of " + kernel + " within " + WAIT_NANOS / 1_000_000_000 + " s");
    }

    private int gate(int loop) throws ReflectiveOperationException {
        Field f = rewritten.getDeclaredField("hotloop$tier$" + loop);
        f.setAccessible(true);
        return f.getInt(null);
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    private static int[] ints(SplittableRandom r, int n) {
        return r.ints(n, -1_000_000, 1_000_000).toArray();
    }

    private static float[] floats(SplittableRandom r, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (r.nextDouble() * 200 - 100);
        }
        return f;
    }
}
