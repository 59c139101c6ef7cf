package dev.hotloop.agent.plan;

import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.report.RefusalCode;

/**
 * What the agent decided for one annotation on one loop.
 *
 * @param annotation the annotation that asked
 * @param loop       the loop it targets, or null when it marks no loop
 * @param line       the source line to report, or -1
 * @param rewritten  whether the loop is rewritten
 * @param summary    what it became ({@code SIMD float x16, reduction +}) or why not, with the fix
 * @param rewrite    the rewrite to apply when {@code rewritten}; null when refused, or when the loop is
 *                   already as fast as it gets as written (the JIT vectorizes it itself)
 * @param code       the stable code of the reason when refused, null when rewritten
 */
public record LoopDecision(HotloopAnnotation annotation, Loop loop, int line, boolean rewritten, String summary,
                           LoopRewrite rewrite, RefusalCode code) {

    /**
     * @param code the stable code of the reason
     * @param why  the reason in words, with the fix where there is one
     * @return a decision to keep the loop as written, for the reason given
     */
    public static LoopDecision refused(HotloopAnnotation annotation, Loop loop, int line, RefusalCode code, String why) {
        return new LoopDecision(annotation, loop, line, false, why, null, code);
    }

    /**
     * @return a decision to rewrite the loop; {@code summary} says what it becomes
     */
    public static LoopDecision rewritten(HotloopAnnotation annotation, Loop loop, int line, String summary,
                                         LoopRewrite rewrite) {
        return new LoopDecision(annotation, loop, line, true, summary, rewrite, null);
    }
}
