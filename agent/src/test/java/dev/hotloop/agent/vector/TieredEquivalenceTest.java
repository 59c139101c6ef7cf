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
    private static final long QUIET_NANOS = 2_000_000_000L;

    @Test
    void everyKernelBehavesLikeTheOriginalBeforeDuringAndAfterItsSwitch() throws Exception {
        InstrumentingLoader loader = new InstrumentingLoader(AgentOptions.defaults());
        Tiers.configure(Tiers.Policy.MEASURE, null);
        Tiers.budget(150_000_000L);
        try {
            int before = Tiers.records().size();
            List<VectorKernel> kernels = VectorKernel.all();
            List<Method> methods = new ArrayList<>();
            for (VectorKernel k : kernels) {
                methods.add(VectorEquivalenceTest.rewritten(loader, k));
            }
            long start = System.nanoTime();
            int seen = -1;
            long quietSince = System.nanoTime();
            int rounds = 0;
            while (System.nanoTime() - start < DEADLINE_NANOS) {
                round(kernels, methods, rounds++);
                int now = Tiers.records().size();
                if (now != seen) {
                    seen = now;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > QUIET_NANOS) {
                    break;
                }
            }
            round(kernels, methods, rounds); // every loop decided
            List<TierRecord> decided = Tiers.records().subList(before, Tiers.records().size());
            long simd = decided.stream().filter(TierRecord::simd).count();
            assertTrue(decided.size() >= 50 && simd > 0, "the corpus was measured and some loops switched: "
                    + decided.size() + " decided, " + simd + " to SIMD, in " + rounds + " rounds");
        } finally {
            Tiers.configure(Tiers.Policy.SIMD, null);
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
