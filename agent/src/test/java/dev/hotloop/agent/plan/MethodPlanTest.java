package dev.hotloop.agent.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.report.RefusalCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

class MethodPlanTest {

    private static final HotloopAnnotation VECTORIZE =
            new HotloopAnnotation(HotloopAnnotation.Kind.VECTORIZE, false, 0, -1, 0, -1, List.of());
    private static final AnnotatedMethod METHOD = new AnnotatedMethod("com/acme/Stats",
            new MethodNode(Opcodes.ACC_STATIC, "dot", "([FF)V", null, null), List.of(VECTORIZE));

    private static LoopDecision kept(int line, String why) {
        return new LoopDecision(VECTORIZE, null, line, false, why, null, RefusalCode.LOOP_SHAPE);
    }

    private static LoopDecision done(int line, String what) {
        return new LoopDecision(VECTORIZE, null, line, true, what, null, null);
    }

    private static MethodPlan plan(LoopDecision... decisions) {
        return new MethodPlan(METHOD, List.of(decisions));
    }

    @Test
    void oneDecisionWithALine() {
        assertEquals("com.acme.Stats.dot(float[],float) line 42: SIMD float x16", plan(done(42, "SIMD float x16")).reportLine());
    }

    @Test
    void oneDecisionWithoutALine() {
        assertEquals("com.acme.Stats.dot(float[],float): nothing to rewrite", plan(kept(-1, "nothing to rewrite")).reportLine());
    }

    @Test
    void decisionsOnDifferentLinesNameEachLine() {
        assertEquals("com.acme.Stats.dot(float[],float) line 5: a; line 9: b", plan(kept(5, "a"), kept(9, "b")).reportLine());
    }

    @Test
    void decisionsOnTheSameLineNameItOnce() {
        assertEquals("com.acme.Stats.dot(float[],float) line 5: a; b", plan(kept(5, "a"), kept(5, "b")).reportLine());
    }

    @Test
    void lineIsTheFirstKnownLine() {
        assertEquals(9, plan(kept(-1, "a"), kept(9, "b"), kept(3, "c")).line());
        assertEquals(-1, plan(kept(-1, "a")).line());
        assertEquals(-1, plan().line());
    }

    @Test
    void rewriteColumnShowsWhatEachLoopBecame() {
        assertEquals("SIMD float x8; not rewritten", plan(done(1, "SIMD float x8"), kept(2, "why")).rewrite());
        assertEquals("not rewritten", plan(kept(1, "why"), kept(2, "why not")).rewrite(), "one summary when nothing was rewritten");
    }

    @Test
    void refusedAndRewrittenFlags() {
        MethodPlan mixed = plan(done(1, "x"), kept(2, "y"));
        assertTrue(mixed.anyRefused());
        assertTrue(mixed.anyRewritten());
        MethodPlan allDone = plan(done(1, "x"));
        assertFalse(allDone.anyRefused());
        MethodPlan allKept = plan(kept(1, "y"));
        assertFalse(allKept.anyRewritten());
    }
}
