package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.List;
import java.util.Set;

/**
 * The cost stage of the SIMD planner (LLVM's cost model plays this part beside its legality
 * check): how many vectors one step of the main loop handles, and whether C2's SuperWord already
 * vectorizes the loop as written, which the report says because the run-time measurement then
 * decides between the two. The lane count is {@link Lanes}' choice; legality reads it, since a
 * dependence distance is legal or not relative to the width.
 *
 * <p>An ordered (strict float/double) reduction folds each vector's lanes into the local one add or
 * multiply at a time: a chain exactly as long as the original loop's, so SIMD gains only where the
 * plain loop is slower than that chain, held back by its element work rather than by its adds.
 * Measured on a loaded 2-core AVX-512 machine (2026-12-03, 1,000 elements, the agent's own
 * measurement, both loops compiled): with 512-bit vectors the fold ran at 0.5x-0.9x of the plain
 * loop for dot products, products, widening and conditional sums, a polynomial and a float
 * division, and 1.5x for {@code Math.sqrt}; with 256-bit vectors the fold kept pace with the plain
 * adds (0.75x-1.04x) and the square root ran 1.75x. Hence {@link #bits}: an ordered fold uses at
 * most 256-bit vectors; and {@link #refuseUnprofitable}: it is kept only where the loop divides
 * floating-point values or takes a square root (work whose scalar throughput is slower than one
 * add a lane), unless {@code @Vectorize(unroll = N)} asks for the Vector API form anyway.
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

    /** The widest vector, in bits, of a loop with an ordered reduction (see the class description). */
    static final int ORDERED_BITS = 256;

    /**
     * @param kinds         the loop's lane types
     * @param reductions    the loop's reductions
     * @param preferredBits the machine's preferred vector size
     * @return the vector size to plan the loop for: at most {@link #ORDERED_BITS} when a
     *     reduction folds in order and the narrower vector still holds the loop's lane types
     */
    static int bits(Set<Kind> kinds, List<Reduction> reductions, int preferredBits) {
        int widest = 1;
        int narrowest = 8;
        for (Kind k : kinds) {
            widest = Math.max(widest, k.bytes());
            narrowest = Math.min(narrowest, k.bytes());
        }
        for (Reduction r : reductions) {
            if (r.ordered() && preferredBits > ORDERED_BITS && ORDERED_BITS / widest * narrowest >= Lanes.MIN_BITS) {
                return ORDERED_BITS;
            }
        }
        return preferredBits;
    }

    /**
     * Refuses a loop with an ordered reduction whose work per element is no slower than the fold's
     * one add or multiply a lane: nothing divides floating-point values or takes a square root
     * (see the class description). {@code @Vectorize(unroll = N)} asks for the Vector API form and
     * gets it; the run-time measurement then still keeps the faster of the two.
     *
     * @param plan            the loop's plan
     * @param requestedUnroll {@code @Vectorize(unroll)}, 0 to leave it to the cost stage
     * @throws Refusal {@link RefusalCode#ORDERED_REDUCTION} when SIMD cannot pay
     */
    static void refuseUnprofitable(VectorPlan plan, int requestedUnroll) throws Refusal {
        Reduction ordered = null;
        for (Reduction r : plan.reductions()) {
            ordered = ordered == null && r.ordered() ? r : ordered;
        }
        if (ordered == null || requestedUnroll > 0) {
            return;
        }
        for (Expr v : plan.values()) {
            for (Expr n : Walk.nodes(v)) {
                if (n instanceof Expr.Binary b && b.op() == Op.DIV && b.kind().floating() || n instanceof Expr.Unary u && u.op() == Op.SQRT) {
                    return;
                }
            }
        }
        Reduction r = ordered;
        throw new Refusal(RefusalCode.ORDERED_REDUCTION, "a " + r.kind().javaName() + " " + (r.op() == Op.MUL ? "product" : "sum")
                + " must keep its order, and its element work (" + Refusal.brief(r.term()) + ") is too light for SIMD lanes added "
                + "one at a time to beat the plain loop (only a division or square root is slow enough); "
                + "add @Vectorize(fastMath = true) to allow reassociation, or @Vectorize(unroll = 1) to have the ordered SIMD form measured");
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
