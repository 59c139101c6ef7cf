package dev.hotloop.agent.vector;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.LoopStrategy;

/** Decides whether an {@code @Vectorize} loop becomes SIMD code on the Vector API. */
public final class VectorStrategy implements LoopStrategy {

    private final AgentOptions options;

    /** @param options the agent's options */
    public VectorStrategy(AgentOptions options) {
        this.options = options;
    }

    @Override
    public LoopDecision decide(AnnotatedMethod method, HotloopAnnotation annotation, Loop loop, boolean mayAddMembers) {
        String what = loop.inductionName() == null ? "loop" : "loop over " + loop.inductionName();
        return LoopDecision.refused(annotation, loop, loop.line(), "not vectorized: " + what + " kept as written; "
                + "the SIMD code generator is not in this build of Hotloop yet");
    }
}
