package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.List;

/**
 * The cost stage of the SIMD planner (LLVM's cost model plays this part beside its legality
 * check): how many vectors one step of the main loop handles, and whether C2's SuperWord already
 * vectorizes the loop as written, which the report says because the run-time measurement then
 * decides between the two. The lane count is {@link Lanes}' choice; legality reads it, since a
 * dependence distance is legal or not relative to the width.
 *
 * <p>An ordered (strict float/double) reduction folds its lanes into the local one add or multiply
 * at a time, a chain as long as the original loop's: what SIMD gains there is the element work
 * (loads with a multiply, a conversion, a math call, a condition). {@link #refuseUnprofitable}
 * keeps a loop scalar when that work is nothing but a plain load (or a loop-invariant value), as
 * in {@code s += a[i]}, and such a loop has no unroll: independent accumulators cannot shorten
 * the chain.
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
        if (requested > 0) {
            return requested;
        }
        for (Reduction r : reductions) {
            if (!r.ordered()) {
                return REDUCTION_UNROLL;
            }
        }
        return 1; // no reduction, or only ordered ones, whose fold is one chain whatever the unroll
    }

    /**
     * Refuses a loop whose only work is ordered reductions of plain loads ({@code s += a[i]},
     * {@code p *= a[i]}): a lane-by-lane fold adds in the same order and as many times as the
     * original loop, so vectors would only add the lane extractions. A loop that also stores, sets
     * a flag or keeps an unordered reduction has vector work of its own, and keeps the fold.
     *
     * @param plan the loop's plan
     * @throws Refusal {@link RefusalCode#ORDERED_REDUCTION} when SIMD cannot pay
     */
    static void refuseUnprofitable(VectorPlan plan) throws Refusal {
        if (plan.reductions().isEmpty() || !plan.stores().isEmpty() || !plan.ir().flags().isEmpty()) {
            return;
        }
        for (Reduction r : plan.reductions()) {
            if (!r.ordered() || !(r.term() instanceof Expr.Load) && !plan.invariance().test(r.term())) {
                return;
            }
        }
        Reduction r = plan.reductions().get(0);
        throw new Refusal(RefusalCode.ORDERED_REDUCTION, "a " + r.kind().javaName() + " " + (r.op() == Op.MUL ? "product" : "sum")
                + " of plain loads must keep its order, and folding SIMD lanes one at a time in that order gains nothing "
                + "over the plain loop; add @Vectorize(fastMath = true) to allow reassociation");
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
