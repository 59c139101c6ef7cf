package dev.hotloop.agent.vector;

import java.util.List;
import java.util.Set;

/**
 * A loop judged vectorizable, with everything code generation needs.
 *
 * @param ir         the lifted loop
 * @param lanes      lanes per vector, the same for every element type of the loop
 * @param kinds      the lane types the loop computes with
 * @param stores     the stores, after fastMath rewrites
 * @param reductions the accumulating locals
 * @param accesses   every array and index form, for the bounds guards
 * @param aliases    pairs of distinct array expressions that must not be the same array at run
 *                   time (one of them is written)
 * @param overlaps   pairs {write, read} of one array at run-time offsets: the guards check that
 *                   the read is not fewer than {@code lanes} iterations behind the write
 * @param divisors   loop-invariant integer divisors, checked for zero before anything is computed
 * @param references every object and array the loop dereferences, checked for null first
 * @param unroll     vectors per main-loop iteration
 * @param fastMath   whether reassociation and approximate math were allowed and used
 */
record VectorPlan(LoopIR ir, int lanes, Set<Kind> kinds, List<Store> stores, List<Reduction> reductions,
                  List<Access> accesses, List<Expr[]> aliases, List<Access[]> overlaps, List<Expr> divisors, List<Expr> references,
                  int unroll, boolean fastMath) {

    /** @return {@code SIMD float x16, reduction +, unroll 4, fastMath}: the report's words */
    String summary() {
        StringBuilder b = new StringBuilder("SIMD ");
        String sep = "";
        for (Kind k : Kind.values()) {
            if (kinds.contains(k)) {
                b.append(sep).append(k.javaName());
                sep = "/";
            }
        }
        b.append(" x").append(lanes);
        for (Reduction r : reductions) {
            b.append(", reduction ").append(r.symbol());
        }
        if (unroll > 1) {
            b.append(", unroll ").append(unroll);
        }
        if (fastMath) {
            b.append(", fastMath");
        }
        return b.toString();
    }
}
