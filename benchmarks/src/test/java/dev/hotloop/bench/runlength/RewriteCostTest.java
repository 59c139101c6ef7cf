package dev.hotloop.bench.runlength;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.transform.TransformResult;
import org.junit.jupiter.api.Test;

/** The rewrite the benchmark times is the agent's real one of the six kernels, every one rewritten. */
class RewriteCostTest {

    @Test
    void itTimesTheRewriteOfAllSixKernels() {
        TransformResult r = RewriteCost.rewrite();
        assertNotNull(r.bytes());
        assertEquals(6, r.plans().size());
        assertTrue(r.plans().stream().allMatch(p -> p.reportLine().contains("SIMD")), r.plans().toString());
        double[] ms = RewriteCost.measure(2);
        assertTrue(ms[0] > 0 && ms[1] > 0);
    }
}
