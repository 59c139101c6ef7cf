package dev.hotloop.agent.parallel;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.LoopStrategy;

/** Decides whether a {@code @Parallel} loop runs its iterations on the shared pool. */
public final class ParallelStrategy implements LoopStrategy {

    private final AgentOptions options;

    /** @param options the agent's options */
    public ParallelStrategy(AgentOptions options) {
        this.options = options;
    }

    @Override
    public LoopDecision decide(AnnotatedMethod method, HotloopAnnotation annotation, Loop loop, boolean mayAddMembers) {
        String what = loop.inductionName() == null ? "loop" : "loop over " + loop.inductionName();
        return LoopDecision.refused(annotation, loop, loop.line(), "not parallelized: " + what + " kept as written; "
                + "the parallel loop runtime is not in this build of Hotloop yet");
    }
}
