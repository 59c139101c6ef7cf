package dev.hotloop.agent.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.SourceMarkers;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.AnnotationScanner;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.analysis.LoopFinder;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.targets.parallel.ParallelInstance;
import dev.hotloop.agent.targets.parallel.ParallelKernels;
import dev.hotloop.agent.targets.parallel.ParallelRefusals;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.BasicVerifier;

/** Tier 1: recognition, legality and the outlined chunk, on the targets' own bytecode. */
class ParallelStrategyTest {

    private static final AgentOptions THREADS_2 = AgentOptions.parse("threads=2", new Properties(), Map.of());

    /** A decision with the class tree whose nodes it holds. */
    private record Decided(ClassNode cls, MethodNode method, LoopDecision decision) {
    }

    private static LoopDecision decide(Class<?> target, String name, boolean mayAddMembers) throws Exception {
        return decided(target, name, mayAddMembers).decision();
    }

    private static Decided decided(Class<?> target, String name, boolean mayAddMembers) throws Exception {
        ClassNode cls = ClassFiles.node(target);
        AnnotatedMethod m = AnnotationScanner.scan(cls).stream()
                .filter(a -> a.method().name.equals(name)).findFirst().orElseThrow();
        HotloopAnnotation a = m.annotations().stream()
                .filter(x -> x.kind() == HotloopAnnotation.Kind.PARALLEL).findFirst().orElseThrow();
        MethodAnalysis analysis = MethodAnalysis.of(cls.name, m.method());
        List<Loop> loops = analysis.loops();
        Loop outer = loops.stream().filter(l -> a.onMethod() ? l.outermost() : l.inductionVar() == a.localIndex())
                .findFirst().orElseThrow();
        LoopDecision d = new ParallelStrategy(THREADS_2).decide(m, analysis, a, outer, mayAddMembers);
        assertEquals(SourceMarkers.line(target, name), d.line());
        return new Decided(cls, m.method(), d);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "scale       => parallel loop over i: 2 threads, chunks of >= 7 iterations",
        "sum         => parallel loop over i: 2 threads, chunks of >= 5 iterations, reduction + on s",
        "sumFloatFrom=> parallel loop over i: 2 threads, chunks of >= 5 iterations, reduction + on s",
        "integers    => parallel loop over i: 2 threads, chunks of >= 3 iterations, reductions + on count, * on product, "
                + "min on min, max on max, & on and, | on or, ^ on xor",
        "minMax      => parallel loop over i: 2 threads, chunks of >= 4 iterations, reductions min on lo, max on hi",
        "sumEach     => parallel for-each over an array: 2 threads, chunks of >= 6 iterations, reduction + on s",
        "lengths     => parallel loop over i up to list.size(): 2 threads, chunks of >= 3 iterations",
        "totalLength => parallel for-each over a list: 2 threads, chunks of >= 3 iterations, reduction + on total",
        "fillFailing => parallel loop over i: 2 threads, chunks of >= 2 iterations",
        "parseAll    => parallel loop over i: 2 threads, chunks of >= 2 iterations, reduction + on bad",
        "mixedClasses=> parallel loop over i: 2 threads, chunks of >= 4 iterations",
    })
    void recognisedFormsAndReductions(String method, String summary) throws Exception {
        LoopDecision d = decide(ParallelKernels.class, method, true);
        assertTrue(d.rewritten(), d.summary());
        assertEquals(summary, d.summary());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "lastValue      => local last is written in the loop and read after it, and is not a reduction",
        "carried        => local prev carries a value from one iteration to the next",
        "earlyExit      => the loop has 2 exits",
        "staticField    => the loop writes field counter",
        "instanceField  => the loop writes field total",
        "lockedMethod   => the loop runs while a lock is held",
        "lockInside     => the loop synchronizes on an object",
        "stepTwo        => the loop over i steps by 2",
        "shortIndex     => the loop's index i is a short, which parallel chunks cannot split; declare it int",
        "countDown      => the loop over i steps by -1",
        "throwToLeave   => a throw used to leave the loop",
        "conditionalMax => local best is written in the loop and read after it",
        "throwAfterContinue    => it jumps to code placed after its back edge",
        "boundUsesIndex        => the test of the loop over i computes with i (such as i * k < n)",
        "volatileBound         => the bound of the loop over i reads the volatile field "
                + "dev.hotloop.agent.targets.parallel.ParallelRefusals$Limits.volatileLimit, which plain Java reads again",
        "mixedClassesNarrowUse => local n holds objects of different classes (or only null) on the paths into the loop, "
                + "and the loop uses it other than as its declared java.lang.Number",
    })
    void refusalsSayWhyAndHowToFixIt(String method, String reason) throws Exception {
        LoopDecision d = decide(ParallelRefusals.class, method, true);
        assertFalse(d.rewritten());
        assertNull(d.rewrite());
        assertTrue(d.summary().startsWith("not parallelized: ") && d.summary().contains(reason), d.summary());
    }

    @Test
    void thePlanPrintsTheChunksArgumentsAndReductions() throws Exception {
        assertEquals("parallel chunks of >= 7 iterations\n  captured a double[], k double, out double[]",
                decide(ParallelKernels.class, "scale", true).rewrite().describe());
        assertEquals("parallel chunks of >= 5 iterations\n  captured a double[]\n  reduction + on s",
                decide(ParallelKernels.class, "sum", true).rewrite().describe());
    }

    @Test
    void retransformationCannotAddTheChunkMethod() throws Exception {
        LoopDecision d = decide(ParallelKernels.class, "scale", false);
        assertFalse(d.rewritten());
        assertTrue(d.summary().contains("start the JVM with -javaagent"), d.summary());
    }

    @Test
    void aCheapBodyGetsLargeChunksAndANestedLoopSmallOnes() throws Exception {
        String cheap = decide(ParallelKernels.class, "cheapSum", true).summary();
        String nested = decide(ParallelKernels.class, "matmul", true).summary();
        assertTrue(grain(cheap) >= 1000, cheap);
        assertEquals(1, grain(nested), nested);
    }

    private static int grain(String summary) {
        return Integer.parseInt(summary.replaceAll(".*chunks of >= (\\d+) iteration.*", "$1"));
    }

    @Test
    void theChunkIsAPrivateStaticMethodThatVerifies() throws Exception {
        Decided d = decided(ParallelInstance.class, "apply", true);
        ParallelRewrite rewrite = (ParallelRewrite) d.decision().rewrite();
        int before = d.method().instructions.size();
        rewrite.apply(d.cls(), d.method(), null);
        MethodNode chunk = rewrite.chunkMethod();
        assertNotNull(chunk);
        assertTrue(d.cls().methods.contains(chunk));
        assertEquals("hotloop$parallel$0", chunk.name);
        assertEquals(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, chunk.access);
        // this, x and out captured; the reduction's per-chunk array; chunk, from, to.
        Type doubles = Type.getType(double[].class);
        assertEquals(Type.getMethodDescriptor(Type.VOID_TYPE, Type.getObjectType(d.cls().name), doubles, doubles, doubles,
                Type.INT_TYPE, Type.INT_TYPE, Type.INT_TYPE), chunk.desc);
        new Analyzer<>(new BasicVerifier()).analyze(d.cls().name, chunk);
        new Analyzer<>(new BasicVerifier()).analyze(d.cls().name, d.method());
        assertTrue(d.method().instructions.size() > before, "the original loop stays, behind the dispatch");
    }
}
