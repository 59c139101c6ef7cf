package dev.hotloop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.testing.C2Tally;
import dev.hotloop.testing.CompiledCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A subset of the differential fuzzer in C2-compiled code: {@code fuzz.c2.kernels} random kernels
 * (20 by default) from seed {@code fuzz.c2.seed}, each rewritten kernel called on its inputs until
 * C2 compiled its SIMD form (20 s at most each: the first ones wait behind the JDK's own compilations), then compared. Tagged {@code c2}: runs in the fork
 * without tiers. Fails on any difference and on any rewritten kernel that C2 did not compile. A
 * kernel that the JIT compiled but whose inputs call its SIMD form too seldom for any compilation
 * of it (inner loops shorter than the unrolled SIMD loop, say) is counted apart; at least half the
 * rewritten kernels must run their SIMD form as C2 code.
 */
@Tag("c2")
class CompiledFuzzTest {

    /**
     * Fuzz seed 3000021 (a fastMath {@code double +=} over a down-counting loop with a select and
     * {@code (double) i / x0}), beyond the CI range: once, in a 30-kernel run, its C2-compiled SIMD
     * form lost the {@code i / x0} of lanes 4 to 7 (see RELIABILITY.md). Not reproduced since; kept
     * here under C2 with its inputs, which now follow from the seed alone.
     */
    @Test
    void seed3000021UnderC2() {
        FuzzCampaign campaign = new FuzzCampaign(3_000_021L, 1, 1, 0, System.out, Path.of("target", "fuzz-failures"),
                Differential::agentRewriter).compiled(Duration.ofSeconds(Long.getLong("fuzz.c2.budgetSeconds", 20)));
        assertEquals(List.of(), campaign.run().stream().map(FuzzCampaign.Report::describe).collect(Collectors.toList()));
        if (C2Tally.required()) {
            assertEquals(List.of(), campaign.stats().c2Missed, () -> "C2 never compiled it:\n" + campaign.stats().describe());
        }
    }

    @Test
    void c2CompiledKernelsBehaveLikeTheOriginals() {
        int kernels = Integer.getInteger("fuzz.c2.kernels", 20);
        FuzzCampaign campaign = new FuzzCampaign(Long.getLong("fuzz.c2.seed", 3_000_000L), kernels, 20, 1, System.out,
                Path.of("target", "fuzz-failures"), Differential::agentRewriter)
                .compiled(Duration.ofSeconds(Long.getLong("fuzz.c2.budgetSeconds", 20)));
        List<FuzzCampaign.Report> reports = campaign.run();
        FuzzStats s = campaign.stats();
        C2Tally tally = new C2Tally();
        for (int i = 0; i < s.c2Kernels; i++) {
            tally.add(i >= reports.size(), i < s.c2Proven);
        }
        tally.write("fuzz");
        assertEquals(List.of(), reports.stream().map(FuzzCampaign.Report::describe).collect(Collectors.toList()));
        System.out.print(s.describe());
        if (C2Tally.required()) {
            assertTrue(CompiledCode.jitEnabled(), "this test needs the JIT; it does not run under -Xint");
            assertEquals(List.of(), s.c2Missed, () -> "kernels that C2 never compiled:\n" + s.describe());
        }
        if (C2Tally.rewriteRequired()) { // narrower widths keep more loops scalar
            assertTrue(s.c2Kernels > kernels / 4, () -> "too few kernels were rewritten:\n" + s.describe());
            assertTrue(s.c2Proven >= s.c2Kernels / 2, () -> "too few kernels reached their SIMD form:\n" + s.describe());
        }
    }
}
