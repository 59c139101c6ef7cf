package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.AnnotationScanner;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.plan.LoopDecision;
import java.util.List;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/** The plan tests' way to a kernel's decision: its innermost loop, judged for 256-bit vectors. */
final class Plans {

    private Plans() {
    }

    /** @return the decision on the last (innermost) loop of the kernel {@code name} of {@code target} */
    static LoopDecision decide(Class<?> target, String name) throws AnalyzerException {
        ClassNode cls = ClassFiles.node(target);
        AnnotatedMethod m = AnnotationScanner.scan(cls).stream().filter(a -> a.method().name.equals(name)).findFirst().orElseThrow();
        MethodAnalysis analysis = MethodAnalysis.of(cls.name, m.method());
        List<Loop> loops = analysis.loops();
        return new VectorStrategy(256).decide(m, analysis, m.annotations().get(0), loops.get(loops.size() - 1), true);
    }

    /** @return the printed plan of that loop, which must have been rewritten */
    static String plan(Class<?> target, String name) throws AnalyzerException {
        LoopDecision d = decide(target, name);
        assertTrue(d.rewritten(), () -> name + ": " + d.summary());
        return d.rewrite().describe();
    }
}
