package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.AnnotationScanner;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.targets.Kernels;
import dev.hotloop.agent.targets.SimdTargets;
import dev.hotloop.agent.targets.vector.BenchmarkKernels;
import dev.hotloop.agent.targets.vector.CalleeKernels;
import dev.hotloop.agent.targets.vector.FloatingConversionKernels;
import dev.hotloop.agent.targets.vector.IntegerKernels;
import dev.hotloop.agent.targets.vector.IntegralConversionKernels;
import dev.hotloop.agent.targets.vector.MapKernels;
import dev.hotloop.agent.targets.vector.MathKernels;
import dev.hotloop.agent.targets.vector.NestKernels;
import dev.hotloop.agent.targets.vector.OrderedReductionKernels;
import dev.hotloop.agent.targets.vector.ReductionKernels;
import dev.hotloop.agent.targets.vector.SearchKernels;
import dev.hotloop.agent.targets.vector.SelectKernels;
import dev.hotloop.agent.targets.vector.SelectionKernels;
import dev.hotloop.agent.targets.vector.TieredKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/** Every SIMD rewrite of the equivalence suites' kernels carries a plan that prints, and the print reads back. */
class PlanPrintsForEveryKernelTest {

    @ParameterizedTest
    @ValueSource(classes = {Kernels.class, SimdTargets.class, BenchmarkKernels.class, CalleeKernels.class,
            FloatingConversionKernels.class, IntegerKernels.class, IntegralConversionKernels.class, MapKernels.class,
            MathKernels.class, NestKernels.class, ReductionKernels.class, SelectKernels.class, TieredKernels.class,
            OrderedReductionKernels.class, SelectionKernels.class, SearchKernels.class})
    void eachRewrittenLoopPrintsItsPlan(Class<?> target) throws AnalyzerException {
        ClassNode cls = ClassFiles.node(target);
        Planner planner = new Planner(AgentOptions.defaults(), true, new VectorStrategy(256),
                new dev.hotloop.agent.parallel.ParallelStrategy(AgentOptions.defaults()));
        int printed = 0;
        for (AnnotatedMethod m : AnnotationScanner.scan(cls)) {
            if (!m.hasCode()) {
                continue;
            }
            MethodAnalysis analysis = MethodAnalysis.of(cls.name, m.method());
            MethodPlan plan = planner.plan(m, analysis, analysis.loops(), true);
            String text = plan.describe();
            assertTrue(text.startsWith(m.displayName() + "\n"), text);
            for (LoopDecision d : plan.decisions()) {
                assertTrue(text.contains("\n  " + (d.line() >= 0 ? "line " + d.line() + ": " : "") + d.summary()), text);
                if (d.rewrite() == null || d.annotation().kind() != HotloopAnnotation.Kind.VECTORIZE) {
                    continue;
                }
                String[] lines = d.rewrite().describe().split("\n");
                String first = lines[0];
                assertTrue(first.startsWith("loop " + d.loop().inductionName() + " "), first);
                assertTrue(d.summary().startsWith(first.substring(first.indexOf(": ") + 2)), first + " / " + d.summary());
                assertTrue(lines[lines.length - 1].startsWith("  guards: non-null "), text);
                for (int i = 1; i < lines.length; i++) {
                    assertTrue(lines[i].matches("  (access|store|reduction|selection|exit|flag|hoisted|guards:) .*"), lines[i]);
                }
                long accesses = java.util.Arrays.stream(lines).filter(l -> l.startsWith("  access ")).count();
                assertTrue(lines[lines.length - 1].contains("; in bounds " + accesses + (accesses == 1 ? " access" : " accesses")), text);
                printed++;
            }
        }
        assertTrue(printed > 0 || target == NestKernels.class, "no SIMD plan in " + target.getSimpleName());
    }
}
