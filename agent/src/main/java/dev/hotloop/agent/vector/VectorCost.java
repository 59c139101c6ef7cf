package dev.hotloop.agent.vector;

import java.util.List;

/**
 * The cost stage of the SIMD planner (LLVM's cost model plays this part beside its legality
 * check): how many vectors one step of the main loop handles, and whether C2's SuperWord already
 * vectorizes the loop as written, which the report says because the run-time measurement then
 * decides between the two. The lane count is {@link Lanes}' choice; legality reads it, since a
 * dependence distance is legal or not relative to the width.
 */
final class VectorCost {

    /** Vectors per step for a loop with reductions: independent accumulators hide the add latency. */
    static final int REDUCTION_UNROLL = 4;

    private VectorCost() {
    }

    /**
     * @param requested  {@code @Vectorize(unroll)}, 0 to choose
     * @param reductions the loop's reductions
     * @return vectors per main-loop step
     */
    static int unroll(int requested, List<Reduction> reductions) {
        return requested > 0 ? requested : reductions.isEmpty() ? 1 : REDUCTION_UNROLL;
    }

    /**
     * @param requested  {@code @Vectorize(unroll)}, 0 to choose
     * @param reductions the loop's reductions
     * @param selections the loop's selections, which accumulate as reductions do
     * @return vectors per main-loop step
     */
    static int unroll(int requested, List<Reduction> reductions, List<Selection> selections) {
        return selections.isEmpty() ? unroll(requested, reductions) : requested > 0 ? requested : REDUCTION_UNROLL;
    }

    /**
     * @param plan            the loop's plan
     * @param requestedUnroll {@code @Vectorize(unroll)}; an explicit unroll asks for the Vector API form
     * @return the report's summary of the plan, noting where C2 vectorizes the original too
     */
    static String summary(VectorPlan plan, int requestedUnroll) {
        // A loop C2's SuperWord vectorizes as written is tiered like any other: the run-time
        // measurement, not a guess, decides whether the Vector API form beats it.
        return requestedUnroll == 0 && Superword.vectorizes(plan, plan.invariance())
                ? plan.summary() + " (C2's SuperWord vectorizes the original too: the faster one runs)"
                : plan.summary();
    }
}
