package dev.hotloop.agent.plan;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;

/**
 * Decides what one kind of rewrite (SIMD or parallel) does with one targeted loop: a
 * {@link LoopDecision} that either carries the {@link LoopRewrite} to apply or says why not.
 * The planner has already applied the agent options; a strategy judges the loop itself.
 */
public interface LoopStrategy {

    /**
     * @param method        the annotated method, still unmodified
     * @param analysis      the method's analyses, shared by every loop and strategy (computed once)
     * @param annotation    the annotation that targets the loop
     * @param loop          the loop
     * @param mayAddMembers whether the class may gain methods (false when an already loaded
     *                      class is retransformed, where the JVM forbids new members)
     * @return the decision, with its rewrite when the loop is rewritten
     */
    LoopDecision decide(AnnotatedMethod method, MethodAnalysis analysis, HotloopAnnotation annotation, Loop loop, boolean mayAddMembers);
}
