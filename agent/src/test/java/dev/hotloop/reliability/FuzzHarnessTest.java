package dev.hotloop.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.parallel.ParallelStrategy;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.transform.ClassRewriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fuzzer's own parts: that it can fail, shrink, reproduce, and compare the way it claims. */
class FuzzHarnessTest {

    private static ClassRewriter sabotaged(String agentArgs) {
        AgentOptions o = AgentOptions.parse(agentArgs, new Properties(), Map.of());
        return new ClassRewriter(o, new Planner(o, true, new SabotageStrategy(), new ParallelStrategy(o)), new TestRuntimeLink());
    }

    @Test
    void aWrongRewriteIsCaughtShrunkAndReported() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FuzzCampaign c = new FuzzCampaign(42, 30, 30, 1, new PrintStream(log, true, StandardCharsets.UTF_8), null,
                FuzzHarnessTest::sabotaged);
        List<FuzzCampaign.Report> reports = c.run();
        Set<Failure.Kind> kinds = reports.stream().map(r -> r.failure().kind()).collect(Collectors.toSet());
        assertTrue(kinds.contains(Failure.Kind.MISMATCH), kinds::toString);
        assertTrue(kinds.contains(Failure.Kind.MUST_REFUSE), kinds::toString);
        FuzzCampaign.Report first = reports.get(0);
        assertTrue(first.shrunk().body().size() < first.original().body().size(),
                () -> "not shrunk:\n" + first.shrunk().source());
        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("FUZZ FAILURE seed=" + first.seed()), out);
        assertTrue(out.contains("-Dfuzz.seed=" + first.seed() + " -Dfuzz.kernels=1"), out);
        assertTrue(c.stats().loopsRewritten > 0);
    }

    @Test
    void theSameSeedGivesTheSameKernel() {
        assertEquals(KernelGen.generate("k0", 7).source(), KernelGen.generate("k0", 7).source());
        assertFalse(KernelGen.generate("k0", 7).source().equals(KernelGen.generate("k0", 8).source()));
    }

    /** Intrinsic calls come only from their own seed band, so older seeds replay the kernels they always gave. */
    @Test
    void intrinsicCallsComeOnlyFromTheirBand() {
        java.util.regex.Pattern call = java.util.regex.Pattern.compile(
                "(Integer|Long|Short|Character)\\.(bitCount|numberOf|reverse)|Math\\.(floor|ceil|rint|signum|copySign)");
        for (long from : new long[] {FuzzTest.DEFAULT_SEED, Ty.CHAR_SEEDS, Ty.INTRINSIC_SEEDS - 100}) {
            for (long seed = from; seed < from + 100; seed++) {
                String source = KernelGen.generate("k0", seed).source();
                assertFalse(call.matcher(source).find(), source);
            }
        }
        long with = java.util.stream.LongStream.range(Ty.INTRINSIC_SEEDS, Ty.INTRINSIC_SEEDS + 100)
                .filter(seed -> call.matcher(KernelGen.generate("k0", seed).source()).find()).count();
        assertTrue(with >= 40, with + " of 100 kernels in the band call an intrinsic");
    }

    /**
     * Every band replays the kernels it always gave: 200 kernels from the start of each band, and
     * the 200 just below {@link Ty#BOOL_SEEDS}, hashed as the generator gave them before boolean
     * arrays were added (the band boundary draws from randoms of their own; see {@link FlagGen}).
     * A change that shifts any draw below a band's start changes a hash.
     */
    @Test
    void olderBandsReplayTheKernelsTheyAlwaysGave() throws java.security.NoSuchAlgorithmException {
        Map<Long, String> recorded = new java.util.LinkedHashMap<>();
        recorded.put(FuzzTest.DEFAULT_SEED, "40a7ee5e547a0222");
        recorded.put(2_000_000L, "6ad646153ca44ea5"); // scripts/fuzz.sh
        recorded.put(3_000_000L, "2e1ad1908f4e1eee"); // CompiledFuzzTest
        recorded.put(Ty.CHAR_SEEDS, "093bce50ade38ef3");
        recorded.put(Reduction.ORDERED_SEEDS, "afabc4f2d0498355");
        recorded.put(Ty.INTRINSIC_SEEDS, "1a0cb541657f0387");
        recorded.put(Ty.INDEX_SEEDS, "9cf2440fc350cba6");
        recorded.put(Ty.SELECT_SEEDS, "00054c89414dd8c2");
        recorded.put(Ty.EXIT_SEEDS, "3009aa5dfd4881b3");
        recorded.put(Ty.BOOL_SEEDS - 200, "505cb0db726b5b2f");
        for (Map.Entry<Long, String> e : recorded.entrySet()) {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (long seed = e.getKey(); seed < e.getKey() + 200; seed++) {
                sha.update(KernelGen.generate("k" + seed % 7, seed).source().getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(e.getValue(), java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16), "kernels from seed " + e.getKey());
        }
    }

    /** Boolean arrays come only from their band, and every kernel of the band has one or two. */
    @Test
    void booleanArraysComeOnlyFromTheirBand() {
        for (long from : new long[] {FuzzTest.DEFAULT_SEED, Ty.CHAR_SEEDS, Ty.EXIT_SEEDS, Ty.BOOL_SEEDS - 100}) {
            for (long seed = from; seed < from + 100; seed++) {
                String source = KernelGen.generate("k0", seed).source();
                assertFalse(source.contains("boolean"), source);
            }
        }
        for (long seed = Ty.BOOL_SEEDS; seed < Ty.BOOL_SEEDS + 100; seed++) {
            String source = KernelGen.generate("k0", seed).source();
            assertTrue(source.contains("boolean[] f0, ") && source.contains(", boolean xf)"), source);
        }
    }

    /**
     * A kernel's inputs follow from its seed alone: the same in a campaign, alone, in any JVM. They
     * once came from the case record's hashCode, which hashes its enum by identity, so a failure
     * a campaign found (seed 3000021 under C2) ran on other inputs when its seed was run alone.
     */
    @Test
    void aCaseHasTheSameInputsInEveryJvm() throws ReflectiveOperationException {
        Kernel k = KernelGen.generate("k1", 3_000_021);
        byte[] bytes = new InMemoryCompiler().compile(Map.of("fuzz.G", FuzzCampaign.classSource("fuzz.G", k.source())), false)
                .get("fuzz.G");
        Class<?> c = Class.forName("fuzz.G", true, new BytesLoader(getClass().getClassLoader(), Map.of("fuzz.G", bytes),
                Map.of("fuzz.G", bytes)));
        Method m = Arrays.stream(c.getDeclaredMethods()).filter(x -> x.getName().equals("k1"))
                .findFirst().orElseThrow();
        Object[] args = Inputs.make(m, new Inputs.Case(9, Inputs.Variant.RANDOM, -1), k.seed());
        assertEquals("short[9], int[9], 9, 2, 7, 12, 4", Inputs.describe(args));
        assertArrayEquals(new short[] {7, -2, 18, 31, 28, 4, 15, 37, 39}, (short[]) args[0]);
        assertEquals(-1854324947, ((int[]) args[1])[0]);
    }

    @Test
    void aRecordedEntryParsesBackToTheKernel() {
        Kernel k = KernelGen.generate("k3", 123);
        RecordedKernel r = RecordedKernel.parseAll(RecordedKernel.entry(k, "report=off", false, "note")).get(0);
        assertEquals(k.spec(), r.spec());
        assertEquals("report=off", r.agentArgs());
        assertFalse(r.debug());
        assertEquals(k.source(), r.members());
    }

    @Test
    void strictComparisonSeesEveryBitButNanPayloads() {
        assertNull(Outcomes.mismatch(outcome(Float.intBitsToFloat(0x7fc00001)), outcome(Float.NaN), Double.NaN, 0));
        assertNotNull(Outcomes.mismatch(outcome(0.0f), outcome(-0.0f), Double.NaN, 0));
        assertNotNull(Outcomes.mismatch(outcome(1.0), outcome(Math.nextUp(1.0)), Double.NaN, 0));
        assertNotNull(Outcomes.mismatch(outcome(1), outcome(1L), Double.NaN, 0));
        Outcome wrote = new Outcome(null, null, new Object[] {new short[] {1}}, List.of());
        Outcome other = new Outcome(null, null, new Object[] {new short[] {2}}, List.of());
        assertNotNull(Outcomes.mismatch(wrote, other, Double.NaN, 0));
        Outcome threw = new Outcome(null, new ArithmeticException("/ by zero"), new Object[0], List.of());
        Outcome threwOther = new Outcome(null, new ArithmeticException("other"), new Object[0], List.of());
        assertNotNull(Outcomes.mismatch(threw, threwOther, Double.NaN, 0));
    }

    @Test
    void fastMathResultsMayDifferWithinTheReorderingBoundOnly() {
        // 1000 terms of magnitude at most 1: the bound is 2 * 1002 * 2^-24 * 1000, about 0.119.
        assertNull(Outcomes.mismatch(outcome(10.0f), outcome(10.1f), 1000, 1000));
        assertNotNull(Outcomes.mismatch(outcome(10.0f), outcome(10.2f), 1000, 1000));
        assertNotNull(Outcomes.mismatch(outcome(10.0f), outcome(Float.NaN), 1000, 1000));
        assertNull(Outcomes.mismatch(outcome(10.0f), outcome(Float.NaN), Double.POSITIVE_INFINITY, 1000));
    }

    private static Outcome outcome(Object result) {
        return new Outcome(result, null, new Object[0], List.of());
    }
}
