package dev.hotloop.agent.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.AnnotationScanner;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.analysis.LoopFinder;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.targets.parallel.ClusterKernels;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.tree.ClassNode;

/** Tier 1: which {@code @Parallel(cluster = true)} loops can be shipped, with what roles, and why not. */
class ClusterShippingTest {

    private static final AgentOptions CLUSTER = AgentOptions.parse("threads=2,cluster=spark://127.0.0.1:7077",
            new Properties(), Map.of());
    private static final AgentOptions LOCAL = AgentOptions.parse("threads=2", new Properties(), Map.of());

    private static LoopDecision decide(AgentOptions options, String name) throws Exception {
        ClassNode cls = ClassFiles.node(ClusterKernels.class);
        AnnotatedMethod m = AnnotationScanner.scan(cls).stream()
                .filter(a -> a.method().name.equals(name)).findFirst().orElseThrow();
        HotloopAnnotation a = m.annotations().get(0);
        MethodAnalysis analysis = MethodAnalysis.of(cls.name, m.method());
        List<Loop> loops = analysis.loops();
        Loop outer = loops.stream().filter(Loop::outermost).findFirst().orElseThrow();
        return new ParallelStrategy(options).decide(m, analysis, a, outer, true);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "scale      => r;v;w0",
        "shifted    => r;w1;v",
        "inPlace    => x0",
        "sum        => r;v;p;p",
        "failing    => w0;v",
    })
    void shippableLoopsGetTheRolesOfTheirArguments(String method, String roles) throws Exception {
        LoopDecision d = decide(CLUSTER, method);
        assertTrue(d.rewritten(), d.summary());
        assertTrue(d.summary().endsWith(", on cluster spark://127.0.0.1:7077"), d.summary());
        assertEquals(roles, shipping(d));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "fieldWrite => the loop writes field value, and a write on another machine never reaches this JVM",
        "rowWrite   => the loop writes into an array that is not a captured local variable",
        "scatter    => the loop writes out[...] at an index other than the loop index plus a constant",
        "twoOffsets => the loop writes out at two offsets from the loop index (0 and 1)",
    })
    void otherEffectsStayOnTheLocalPoolWithTheReason(String method, String reason) throws Exception {
        LoopDecision d = decide(CLUSTER, method);
        assertTrue(d.rewritten(), d.summary());
        assertTrue(d.summary().contains("; on the local pool, not the cluster: " + reason), d.summary());
        assertNull(shipping(d));
    }

    @Test
    void withoutTheOptionTheReportSaysSo() throws Exception {
        LoopDecision d = decide(LOCAL, "scale");
        assertTrue(d.summary().endsWith("; on the local pool, not the cluster: the agent option cluster "
                + "(a Spark master URL) is not set"), d.summary());
        assertNull(shipping(d));
    }

    @Test
    void aLoopWithoutClusterTrueIsUnchanged() throws Exception {
        LoopDecision d = decide(CLUSTER, "notMarked");
        assertEquals("parallel loop over i: 2 threads, chunks of >= 3 iterations", d.summary());
        assertNull(shipping(d));
    }

    private static String shipping(LoopDecision d) throws Exception {
        var f = ParallelRewrite.class.getDeclaredField("shipping");
        f.setAccessible(true);
        return (String) f.get(d.rewrite());
    }
}
