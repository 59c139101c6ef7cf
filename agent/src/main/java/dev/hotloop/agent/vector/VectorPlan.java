package dev.hotloop.agent.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loop judged vectorizable, with everything code generation needs: the single contract between
 * the legality stage that builds it and the code generators ({@link Guards}, {@link VectorLoop},
 * {@link VectorEmitter}, {@link ScalarTwin}), which read it and decide nothing of their own.
 * {@link #describe} prints it.
 *
 * @param ir         the lifted loop
 * @param lanes      lanes per vector, the same for every element type of the loop
 * @param kinds      the lane types the loop computes with
 * @param stores     the stores, after fastMath rewrites
 * @param reductions the accumulating locals, each saying whether its lanes fold in order ({@link Reduction#ordered})
 * @param accesses   every array and index form, for the bounds guards
 * @param aliases    pairs of distinct array expressions that must not be the same array at run
 *                   time (one of them is written)
 * @param overlaps   pairs {write, read} of one array at run-time offsets: the guards check that
 *                   the read is not fewer than {@code lanes} iterations behind the write
 * @param carried    pairs {write, read} of one array where the read sees the write a constant
 *                   number of iterations later; the lanes are no more than the shortest distance
 * @param divisors   loop-invariant integer divisors, checked for zero before anything is computed
 * @param references every object and array the loop dereferences, checked for null first
 * @param unroll     vectors per main-loop iteration
 * @param fastMath   whether reassociation and approximate math were allowed and used
 * @param invariance what does not change in the loop (one instance for every stage)
 * @param indexes    the affine form of every index expression the loop loads or stores at
 * @param hoisted    the invariant lane values broadcast once before the vector loop, in order
 * @param contracted the slots of the sums whose {@code acc + x * y} becomes one fused multiply-add (fastMath)
 * @param selections the locals replaced by a value that beats them, with their companions (max, argmax)
 */
record VectorPlan(LoopIR ir, int lanes, Set<Kind> kinds, List<Store> stores, List<Reduction> reductions,
                  List<Access> accesses, List<Expr[]> aliases, List<Access[]> overlaps,
                  List<Access[]> carried, List<Expr> divisors, List<Expr> references,
                  int unroll, boolean fastMath, Invariance invariance, Map<Expr, Affine> indexes, List<Expr> hoisted,
                  Set<Integer> contracted, List<Selection> selections) {

    /**
     * @param index an index expression of a load or store of the loop
     * @return its affine form, as the legality stage checked it
     */
    Affine index(Expr index) {
        Affine a = indexes.get(index);
        if (a == null) {
            throw new IllegalStateException("the plan has no access form for the index " + index);
        }
        return a;
    }

    /**
     * Whether each chunk fences its loads from its stores ({@code VarHandle.acquireFence()}, no
     * instruction on x86): where the loop stores and an access goes through an index map. C2 on
     * JDK 17 and 25 may move a gather, or a contiguous load, below a scatter to the same array,
     * so that the load sees the chunk's own store (measured with hand-written Vector API loops:
     * 170,000 of 200,000 pair swaps wrong without the fence, none with it).
     *
     * @return whether the chunks need the fence
     */
    boolean fencesLoadsFromStores() {
        if (stores.isEmpty()) {
            return false;
        }
        for (Access a : accesses) {
            if (a.form().indexed()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param array an array the loop loads from or stores to
     * @param index the index expression of that load or store
     * @return its access, with the form the legality stage gave it
     */
    Access access(Expr array, Expr index) {
        Affine a = indexes.get(index);
        for (Access x : accesses) {
            if (x.array().equals(array) && (a != null || x.gathered() != null) && x.at(a, index)) {
                return x;
            }
        }
        throw new IllegalStateException("the plan has no access " + array + "[" + index + "]");
    }

    /**
     * @return how far the induction variable moves from one lane of a chunk to the next, the
     *     absolute value of the loop's step: lanes hold iterations in rising order of the variable
     */
    int spacing() {
        return Math.abs(ir.step());
    }

    /** @return whether the reduction's {@code acc + x * y} is contracted into a fused multiply-add */
    boolean contracted(Reduction r) {
        return contracted.contains(r.slot());
    }

    /**
     * @return the vector values one chunk computes, in order: each store's value and mask, each
     *     reduction's term, each flag's mask, each selection's values, each early exit's condition
     */
    List<Expr> values() {
        return values(stores, reductions, selections, ir);
    }

    static List<Expr> values(List<Store> stores, List<Reduction> reductions, List<Selection> selections, LoopIR ir) {
        List<Expr> values = new ArrayList<>();
        for (Store s : stores) {
            values.add(s.value());
            values.add(s.mask());
        }
        for (Reduction r : reductions) {
            values.add(r.term());
        }
        for (Flag f : ir.flags()) {
            values.add(f.mask());
        }
        for (Selection s : selections) {
            values.addAll(Selections.values(s, ir.ivName()));
        }
        values.addAll(ir.exits());
        return values;
    }

    /**
     * @return the plan as text, a few lines: the loop, each access with its form, each store,
     *     reduction and flag, what is hoisted, and the guards; what {@code log=debug} and
     *     {@code dump=} print
     */
    String describe() {
        LoopIR l = ir;
        StringBuilder b = new StringBuilder("loop ").append(l.ivName()).append(' ').append(l.stepText())
                .append(" while ").append(l.ivName()).append(' ').append(l.cond().symbol()).append(' ').append(l.bound())
                .append(l.bottom() ? " (tested after the body)" : "").append(": ").append(summary()).append('\n');
        b.append(l.exitForm().describe(l));
        for (Access a : accesses) {
            b.append("  access ").append(a.describe(spacing())).append('\n');
        }
        for (Store s : stores) {
            b.append("  store ").append(s).append('\n');
        }
        for (Reduction r : reductions) {
            b.append("  reduction ").append(r.name()).append(' ').append(r.symbol()).append("= ").append(r.term())
                    .append(contracted(r) ? " (fused multiply-add)" : "")
                    .append(r.ordered() ? " (ordered: each vector's lanes folded into " + r.name() + " one at a time, in iteration order)" : "")
                    .append('\n');
        }
        for (Flag f : ir.flags()) {
            b.append("  flag ").append(f).append('\n');
        }
        for (Access[] pair : carried) {
            long d = Dependences.distance(pair, ir.step());
            b.append("  carried ").append(pair[0].array()).append('[').append(pair[0].index()).append("] written, read as [").append(pair[1].index())
                    .append("] ").append(d).append(d == 1 ? " iteration" : " iterations").append(" later: at most ").append(d).append(" lanes\n");
        }
        for (Selection s : selections) {
            b.append("  selection ").append(s.describe()).append('\n');
        }
        for (Expr e : ir.exits()) {
            b.append("  exit when ").append(e).append(" (the original loop runs the first iteration where it holds)\n");
        }
        if (fencesLoadsFromStores()) {
            b.append("  fence: each chunk's loads before its stores (an index map: C2 may reorder a gather and a scatter)\n");
        }
        if (!hoisted.isEmpty()) {
            b.append("  hoisted ").append(join(hoisted)).append('\n');
        }
        b.append("  guards: non-null ").append(references.isEmpty() ? "-" : join(references))
                .append("; in bounds ").append(accesses.size()).append(accesses.size() == 1 ? " access" : " accesses");
        for (Expr[] pair : aliases) {
            b.append("; ").append(pair[0]).append(" is not ").append(pair[1]);
        }
        for (Access[] pair : overlaps) {
            b.append("; ").append(pair[1].array()).append('[').append(pair[1].index()).append("] not within ").append(lanes)
                    .append(" behind [").append(pair[0].index()).append(']');
        }
        for (Expr d : divisors) {
            b.append("; ").append(d).append(" != 0");
        }
        return b.toString();
    }

    private static String join(List<Expr> values) {
        StringBuilder b = new StringBuilder();
        for (Expr e : values) {
            b.append(b.length() == 0 ? "" : ", ").append(e);
        }
        return b.toString();
    }

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
            if (r.ordered()) {
                b.append(" (ordered)");
            }
        }
        for (Selection s : selections) {
            b.append(", ").append(s.symbol());
        }
        if (!ir.exits().isEmpty()) {
            b.append(", early exit");
        }
        boolean gather = false;
        boolean scatter = false;
        for (Access a : accesses) {
            gather |= a.form().indexed() && a.read();
            scatter |= a.form().mapped() && a.written();
        }
        b.append(gather ? ", gather" : "").append(scatter ? ", scatter" : "");
        if (unroll > 1) {
            b.append(", unroll ").append(unroll);
        }
        if (fastMath) {
            b.append(", fastMath");
        }
        return b.toString();
    }
}
