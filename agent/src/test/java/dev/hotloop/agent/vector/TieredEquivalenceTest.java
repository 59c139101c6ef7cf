package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.transform.InstrumentingLoader;
import dev.hotloop.runtime.tier.TierRecord;
import dev.hotloop.runtime.tier.Tiers;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole kernel corpus as the agent runs it, with the measurement on: each kernel is compared
 * with the original on every size and input variant in the scalar phase (while the warm-up thread
 * measures it), across its switch, and after every loop has been decided. Bit for bit for strict
 * kernels, within the fastMath bounds otherwise, as in {@link VectorEquivalenceTest}.
 */
class TieredEquivalenceTest {

    private static final long DEADLINE_NANOS = 120_000_000_000L;

    @Test
    void everyKernelBehavesLikeTheOriginalBeforeDuringAndAfterItsSwitch() throws Exception {
        InstrumentingLoader loader = new InstrumentingLoader(AgentOptions.defaults());
        // every measured loop switches to its SIMD form, so that rounds after the switch run it
        // whatever this machine measures; TieredLoopTest covers the measured choice
        Tiers.configure(Tiers.Policy.MEASURE_THEN_SIMD, null);
        Tiers.sampleAfter(0);
        Tiers.budget(100_000_000L);
        try {
            int before = Tiers.records().size();
            List<VectorKernel> kernels = VectorKernel.all();
            List<Method> methods = new ArrayList<>();
            for (VectorKernel k : kernels) {
                methods.add(VectorEquivalenceTest.rewritten(loader, k));
            }
            long start = System.nanoTime();
            int rounds = 0;
            do {
                // the first round samples every loop at its first size long enough for the SIMD
                // form; the later ones cross the switches and run the SIMD forms
                round(kernels, methods, rounds++);
            } while ((rounds < 3 || !Tiers.awaitIdle(0)) && System.nanoTime() - start < DEADLINE_NANOS);
            assertTrue(Tiers.awaitIdle(0), "every measurement ended within " + DEADLINE_NANOS / 1_000_000_000 + " s");
            round(kernels, methods, rounds); // every loop decided
            List<TierRecord> decided = Tiers.records().subList(before, Tiers.records().size());
            long simd = decided.stream().filter(TierRecord::simd).count();
            long measured = decided.stream().filter(TierRecord::measured).count();
            assertTrue(measured >= 50 && simd == measured, "the corpus was measured and every measured loop switched: "
                    + decided.size() + " decided, " + measured + " measured, " + simd + " to SIMD, in " + rounds + " rounds");
        } finally {
            Tiers.configure(Tiers.Policy.SIMD, null);
            Tiers.sampleAfter(0);
            Tiers.budget(2_000_000_000L);
        }
    }

    private static void round(List<VectorKernel> kernels, List<Method> methods, int round) {
        for (int i = 0; i < kernels.size(); i++) {
            VectorKernel k = kernels.get(i);
            for (InputVariant variant : InputVariant.values()) {
                for (int n : LaneSizes.sizes()) {
                    Object[] args = new VectorInputs(k, n, variant).args();
                    if (args != null) {
                        VectorEquivalenceTest.compare(k, methods.get(i), args, k + " n=" + n + " " + variant + " round " + round);
                    }
                }
            }
        }
    }
}
