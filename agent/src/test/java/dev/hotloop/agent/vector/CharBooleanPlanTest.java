package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.AnnotationScanner;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.targets.vector.BooleanKernels;
import dev.hotloop.agent.targets.vector.CharKernels;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * {@code char[]} and {@code boolean[]} accesses in the plan: each access prints its element type,
 * a char read is zero-extended where it becomes an int, and a char copied to a char is not.
 */
class CharBooleanPlanTest {

    private static String plan(Class<?> owner, String name) throws AnalyzerException {
        ClassNode node = ClassFiles.node(owner);
        AnnotatedMethod m = AnnotationScanner.scan(node).stream().filter(a -> a.method().name.equals(name)).findFirst().orElseThrow();
        MethodAnalysis analysis = MethodAnalysis.of(node.name, m.method());
        List<Loop> loops = analysis.loops();
        LoopDecision d = new VectorStrategy(256).decide(m, analysis, m.annotations().get(0), loops.get(loops.size() - 1), true);
        assertTrue(d.rewritten(), () -> name + ": " + d.summary());
        return d.rewrite().describe();
    }

    @Test
    void aCharAccessPrintsItsTypeAndACopyNeedsNoExtension() throws AnalyzerException {
        String text = plan(CharKernels.class, "charCopy");
        assertTrue(text.contains("  access s[i] char contiguous\n"), text);
        assertTrue(text.contains("  access out[i] char contiguous, written\n"), text);
        assertFalse(text.contains("65535"), text);
    }

    @Test
    void aCharInIntArithmeticIsZeroExtended() throws AnalyzerException {
        String text = plan(CharKernels.class, "charWiden");
        assertTrue(text.contains("65535"), text);
    }

    @Test
    void aBooleanAccessPrintsItsType() throws AnalyzerException {
        String text = plan(BooleanKernels.class, "maskedSum");
        assertTrue(text.contains("  access flags[i] boolean contiguous\n"), text);
    }
}
