package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotloop.testing.C2Warmup;
import dev.hotloop.testing.C2Tally;
import dev.hotloop.testing.CompiledCode;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The equivalence of {@link VectorEquivalenceTest} in C2-compiled code, where the Vector API
 * becomes SIMD instructions and fastMath's lane functions become the JVM's vector math stubs (in
 * the interpreter and C1 they run as Java code, one lane at a time). Tagged {@code c2}: Maven runs
 * it in a fork of its own with {@code -XX:-TieredCompilation} (see the agent's pom). Each rewritten
 * kernel must have its SIMD form compiled by C2 before the comparison, and still after it;
 * {@link CompiledCode} reads that from the JVM's code cache.
 */
@Tag("c2")
class CompiledVectorEquivalenceTest {

    /** Enough for 133 kernels on a loaded 2-core machine; a kernel not compiled by then fails. */
    private static final Duration WARM_BUDGET = Duration.ofSeconds(Long.getLong("hotloop.c2.budgetSeconds", 240));

    private static CompiledTier tier;
    private static final C2Tally TALLY = new C2Tally();

    @BeforeAll
    static void compileAll() throws ReflectiveOperationException {
        tier = new CompiledTier(CompiledTier.rewrittenKernels());
        long start = System.nanoTime();
        int proven = tier.warm(WARM_BUDGET).size();
        System.out.printf("compiled tier: C2 compiled the SIMD forms of %d of %d kernels in %.1f s%n", proven,
                CompiledTier.rewrittenKernels().size(), (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void tally() {
        TALLY.write("equivalence");
    }

    static Stream<VectorKernel> rewritten() {
        return CompiledTier.rewrittenKernels().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewritten")
    void aC2CompiledRewrittenKernelBehavesLikeTheOriginal(VectorKernel k) {
        String scalar = k + ": the rewritten kernel calls no outlined SIMD method";
        assumeTrue(C2Tally.rewriteRequired() || !tier.get(k).simd().isEmpty(), scalar + " at this vector width");
        assertFalse(tier.get(k).simd().isEmpty(), scalar);
        boolean before = tier.proven(k);
        C2Warmup.Compared<String> compared = C2Warmup.compare(tier.target(k), before, () -> tier.compare(k), m -> m == null);
        String mismatch = compared.result();
        boolean after = compared.compiled();
        TALLY.add(mismatch == null, after);
        assertNull(mismatch);
        if (C2Tally.required()) {
            assertTrue(CompiledCode.jitEnabled(), "this test needs the JIT; it does not run under -Xint");
            assertTrue(before, () -> k + ": C2 did not compile " + tier.get(k).simd() + " within " + WARM_BUDGET
                    + "; the comparison would not test SIMD code");
            assertTrue(after, () -> k + ": " + tier.get(k).simd() + " was deoptimized during the comparison "
                    + C2Warmup.DEOPT_ATTEMPTS + " times, which then ran partly in the interpreter");
        }
    }
}
