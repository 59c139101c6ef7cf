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
 * multiply at a time ({@link OrderedFold}): a chain exactly as long as the original loop's, so the
 * SIMD form runs at the speed of that chain and gains only where the plain loop is slower than its
 * own chain. Measured on a loaded 2-core AVX-512 machine (2026-12-03, CPU time per call, 1,000 and
 * 1,000,000 elements, the SIMD form forced, JDK 17 and 25): with 256-bit vectors the fold ran
 * 1.6x-1.7x the plain loop wherever C2's SuperWord vectorizes that loop with its own in-order
 * 512-bit reduction (float dot products on both JDKs; double dot products, sums of squares or of
 * two arrays, a polynomial, a widening float-to-double sum on JDK 25), 1.1x-2.0x with a square
 * root, 1.7x with a float division, 1.3x for a product of computed factors; 0.97x-1.0x for sums
 * and products of plain loads, which the plain loop already runs at the speed of its chain, and for
 * the loops SuperWord leaves scalar (a double dot product on JDK 17, a falling loop, {@code s -=
 * a[i] * b[i]}); 0.65x-0.9x for a conditional sum, whose plain loop skips the adds the fold must
 * make. With 512-bit vectors the fold ran 0.5x-1.0x of the plain loop (a square root aside). Hence
 * {@link #bits}: an ordered fold uses at most 256-bit vectors; and {@link #refuseUnprofitable}: a
 * loop with an ordered reduction is refused only where it is clearly no faster, when it computes
 * nothing per element but loads, or when its reduction is conditional and nothing divides or takes
 * a square root; the run-time measurement decides the rest (it keeps the original loop where
 * SuperWord leaves it scalar, as on AVX2 machines), and {@code @Vectorize(unroll = N)} asks for the
 * Vector API form anyway.
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
     * Refuses a loop with an ordered reduction that SIMD lanes folded one at a time cannot make
     * faster (see the class description): one whose chunk computes nothing but loads and selections,
     * so the plain loop already runs at the speed of the reduction's chain, and one whose ordered
     * reduction is conditional while nothing divides floating-point values or takes a square root,
     * so the plain loop skips adds the fold must make. {@code @Vectorize(unroll = N)} asks for the
     * Vector API form and gets it; the run-time measurement then still keeps the faster of the two.
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
        boolean slow = false;
        boolean computes = false;
        for (Expr v : plan.values()) {
            for (Expr n : Walk.nodes(v)) {
                slow |= n instanceof Expr.Binary b && b.op() == Op.DIV && b.kind().floating() || n instanceof Expr.Unary u && u.op() == Op.SQRT;
            }
            computes |= computes(v);
        }
        if (slow) {
            return;
        }
        String fix = "; add @Vectorize(fastMath = true) to allow reassociation, or @Vectorize(unroll = 1) to have the ordered SIMD form measured";
        for (Reduction r : plan.reductions()) {
            Expr.Select skips = r.ordered() ? skips(r) : null;
            if (skips != null) {
                throw new Refusal(RefusalCode.ORDERED_REDUCTION, "a " + what(r) + " must keep its order, and it " + verb(r)
                        + " only where " + Refusal.brief(skips.cond()) + ": the plain loop skips the other iterations, where the "
                        + "SIMD fold still takes their lanes one at a time" + fix);
            }
        }
        if (!computes) {
            Reduction r = ordered;
            throw new Refusal(RefusalCode.ORDERED_REDUCTION, "a " + what(r) + " must keep its order, and the loop computes nothing per "
                    + "element but loads (" + Refusal.brief(r.term()) + "): the plain loop already runs at the speed of its chain of "
                    + (r.op() == Op.MUL ? "multiplies" : "adds") + ", which SIMD lanes folded one at a time cannot beat" + fix);
        }
    }

    /** @return {@code float sum}, {@code double product} */
    private static String what(Reduction r) {
        return r.kind().javaName() + " " + (r.op() == Op.MUL ? "product" : "sum");
    }

    private static String verb(Reduction r) {
        return r.op() == Op.MUL ? "multiplies" : r.subtract() ? "subtracts" : "adds";
    }

    /** @return the selection that puts the exact identity in the lanes a condition skips, or null for an unconditional term */
    private static Expr.Select skips(Reduction r) {
        Expr identity = Reduction.orderedIdentity(r.op(), r.kind(), r.subtract());
        return r.term() instanceof Expr.Select s && (s.ifFalse().equals(identity) || s.ifTrue().equals(identity)) ? s : null;
    }

    /**
     * @return whether {@code e} computes anything per element beyond loading, comparing and
     *     selecting: an operation or a conversion of lanes (the index of a load is addressing, not
     *     element work)
     */
    private static boolean computes(Expr e) {
        if (e instanceof Expr.Binary || e instanceof Expr.Unary || e instanceof Expr.Convert || e instanceof Expr.Fma) {
            return true;
        }
        if (e instanceof Expr.Load) {
            return false;
        }
        for (Expr c : Walk.children(e)) {
            if (computes(c)) {
                return true;
            }
        }
        return false;
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
