package dev.hotloop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The differential fuzzer as a test: {@code fuzz.kernels} random kernels (5,000 by default) from
 * seed {@code fuzz.seed}, each run as javac wrote it and as the agent rewrites it; zero failures
 * allowed. Run any number locally with {@code scripts/fuzz.sh KERNELS SEED}.
 */
class FuzzTest {

    static final long DEFAULT_SEED = 1_000_000L;

    @Test
    void rewrittenKernelsBehaveLikeTheOriginals() {
        campaign(Long.getLong("fuzz.seed", DEFAULT_SEED), Integer.getInteger("fuzz.kernels", 5_000));
    }

    /** Kernels from {@link Ty#CHAR_SEEDS} on, which also read and write {@code char[]} arrays. */
    @Test
    void kernelsWithCharArraysBehaveLikeTheOriginals() {
        campaign(Long.getLong("fuzz.charSeed", Ty.CHAR_SEEDS), Integer.getInteger("fuzz.charKernels", 1_000));
    }

    /**
     * Kernels from {@link Reduction#ORDERED_SEEDS} on, whose strict reductions are float/double sums
     * and products that the agent folds lane by lane in order: compared bit for bit, and at least a
     * tenth of them rewritten that way (about a sixth are; the rest stay scalar for the cost stage
     * or for the reasons any generated loop may).
     */
    @Test
    void orderedStrictReductionsBehaveLikeTheOriginals() {
        int kernels = Integer.getInteger("fuzz.orderedKernels", 500);
        FuzzStats s = campaign(Long.getLong("fuzz.orderedSeed", Reduction.ORDERED_SEEDS), kernels);
        int ordered = s.rewrites.entrySet().stream().filter(e -> e.getKey().contains("(ordered)")).mapToInt(e -> e.getValue()).sum();
        assertTrue(kernels < 100 || ordered >= kernels / 10, () -> "few ordered reductions rewritten (" + ordered + "):\n" + s.describe());
    }

    /** Kernels from {@link Ty#INDEX_SEEDS} on: steps of 2 to 4, dependences at a constant distance, gathers. */
    @Test
    void kernelsWithStepsDistancesAndGathersBehaveLikeTheOriginals() {
        campaign(Long.getLong("fuzz.indexSeed", Ty.INDEX_SEEDS), Integer.getInteger("fuzz.indexKernels", 500));
    }

    /** Kernels from {@link Ty#INTRINSIC_SEEDS} on, which also call {@code Integer.bitCount}, {@code Math.floor} and the like. */
    @Test
    void kernelsWithIntrinsicsBehaveLikeTheOriginals() {
        campaign(Long.getLong("fuzz.intrinsicSeed", Ty.INTRINSIC_SEEDS), Integer.getInteger("fuzz.intrinsicKernels", 500));
    }

    /** Kernels from {@link Ty#SELECT_SEEDS} on, a third of which hold a max-by-comparison or an argmax. */
    @Test
    void kernelsWithSelectionsBehaveLikeTheOriginals() {
        campaign(Long.getLong("fuzz.selectSeed", Ty.SELECT_SEEDS), Integer.getInteger("fuzz.selectKernels", 500));
    }

    /**
     * Kernels from {@link Ty#EXIT_SEEDS} on, two thirds of which end their loop with {@code i != end}
     * and half count with a {@code short}, {@code byte} or {@code char} index: where the index misses
     * the bound or wraps, the original runs (and throws at its array's end) as written. At least a
     * tenth of them must be rewritten with such a test or index (a fifth to a quarter are).
     */
    @Test
    void exitTestsAndNarrowIndexesBehaveLikeTheOriginals() {
        int kernels = Integer.getInteger("fuzz.exitKernels", 500);
        FuzzStats s = campaign(Long.getLong("fuzz.exitSeed", Ty.EXIT_SEEDS), kernels);
        assertTrue(kernels < 100 || s.exitForms >= kernels / 10, () -> "few exit forms rewritten (" + s.exitForms + "):\n" + s.describe());
    }

    /**
     * Kernels from {@link Ty#BOOL_SEEDS} on, each with one or two {@code boolean[]} arrays read as
     * conditions, masks and {@code ?:} operands and written with comparisons and combinations of
     * booleans (see {@link FlagGen}); forms the agent refuses are counted, never failures. A band
     * where every boolean loop stayed scalar would test nothing: at least a fifth of its kernels
     * must have a rewritten loop that reads or writes a {@code boolean[]}.
     */
    @Test
    void kernelsWithBooleanArraysBehaveLikeTheOriginals() {
        int kernels = Integer.getInteger("fuzz.boolKernels", 1_000);
        FuzzStats s = campaign(Long.getLong("fuzz.boolSeed", Ty.BOOL_SEEDS), kernels);
        assertEquals(kernels, s.booleanKernels, () -> "kernels of the band without a boolean[]:\n" + s.describe());
        assertTrue(kernels < 100 || s.booleanLoops >= kernels / 5, () -> "few boolean loops rewritten (" + s.booleanLoops + "):\n" + s.describe());
    }

    private static FuzzStats campaign(long seed, int kernels) {
        int perClass = Integer.getInteger("fuzz.perClass", 100);
        FuzzCampaign campaign = new FuzzCampaign(seed, kernels, perClass, Integer.getInteger("fuzz.shrink", 3), System.out,
                Path.of("target", "fuzz-failures"), Differential::agentRewriter);
        List<FuzzCampaign.Report> reports = campaign.run();
        assertEquals(List.of(), reports.stream().map(FuzzCampaign.Report::describe).collect(Collectors.toList()),
                "shrunk failures are in target/fuzz-failures; add them to regressions.txt once fixed");
        FuzzStats s = campaign.stats();
        assertEquals(kernels, s.kernels);
        assertTrue(kernels < 100 || (s.fastMath > 0 && s.mustRefuse > 0 && s.calls > 20L * kernels),
                () -> "the generator lost variety:\n" + s.describe());
        return s;
    }
}
