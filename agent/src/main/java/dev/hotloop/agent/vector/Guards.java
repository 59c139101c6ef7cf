package dev.hotloop.agent.vector;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.LabelNode;

/**
 * The checks that run before the vector loop, and the vector range they establish. Each check that
 * fails jumps to the original loop, which then behaves exactly as it always did:
 * <ul>
 *   <li>every array (and every object a field is read from) is non-null;</li>
 *   <li>the trip count leaves at least one whole vector plus one scalar iteration;</li>
 *   <li>every index of every affine access, at the first and the last iteration of the vector range
 *       (which bound it, whatever its step), is in bounds, computed exactly in {@code long} (a
 *       gather's indexes are checked chunk by chunk, in the vector loop);</li>
 *   <li>arrays written through one expression and accessed through another are not the same;</li>
 *   <li>every flag's constant index is below its array's length;</li>
 *   <li>an {@code i != n} test reaches its bound, and a narrow index does not wrap ({@link ExitChecks}).</li>
 * </ul>
 * It leaves in locals: the range end for single vectors, and for unrolled steps.
 */
final class Guards implements Opcodes {

    private final Emitter out;
    private final ScalarEmitter scalars;
    private final VectorPlan plan;
    private final LabelNode fallback;
    private int start;
    private int end;
    private int endUnrolled;

    Guards(Emitter out, ScalarEmitter scalars, VectorPlan plan, LabelNode fallback) {
        this.out = out;
        this.scalars = scalars;
        this.plan = plan;
        this.fallback = fallback;
    }

    void emit() {
        emitReferences();
        emitChecks();
    }

    /** Reads every reference the loop dereferences into a local, each checked for null. */
    void emitReferences() {
        for (Expr ref : plan.references()) {
            scalars.local(ref);
        }
    }

    /** The other checks, once {@link #emitReferences} has run, and the vector range. */
    void emitChecks() {
        LoopIR ir = plan.ir();
        for (Expr d : plan.divisors()) {
            // a zero divisor: the original throws at its first division, with its own partial writes
            scalars.push(d);
            if (d.kind() == Kind.LONG) {
                out.op(LCONST_0);
                out.op(LCMP);
            }
            out.jump(IFEQ, fallback);
        }
        start = out.local(1);
        out.load(ILOAD, ir.iv());
        out.load(ISTORE, start);
        int bound = out.local(1);
        scalars.push(ir.bound());
        out.load(ISTORE, bound);
        ExitChecks.emit(out, ir, start, bound, fallback);
        // Iterations that may run as vectors: all but the last one, which the original loop runs.
        int count = out.local(2);
        boolean up = ir.step() > 0;
        out.load(ILOAD, up ? bound : start);
        out.op(I2L);
        out.load(ILOAD, up ? start : bound);
        out.op(I2L);
        out.op(LSUB);
        if (ir.cond() == Expr.Cond.LT || ir.cond() == Expr.Cond.GT) {
            out.op(LCONST_1);
            out.op(LSUB);
        }
        if (plan.spacing() != 1) { // iterations, not elements: the division rounds a negative distance up to 0, which falls back
            out.ldc((long) plan.spacing());
            out.op(LDIV);
        }
        out.load(LSTORE, count);
        out.load(LLOAD, count);
        out.ldc((long) plan.lanes());
        out.op(LCMP);
        out.jump(IFLT, fallback);
        end = rangeEnd(count, plan.lanes());
        endUnrolled = plan.unroll() > 1 ? rangeEnd(count, plan.lanes() * plan.unroll()) : end;
        for (Access a : plan.accesses()) {
            bounds(a);
        }
        for (Access[] pair : plan.overlaps()) {
            overlap(pair[0].index(), pair[1].index(), pair[1].late());
        }
        for (Expr[] pair : plan.aliases()) {
            out.load(ALOAD, scalars.local(pair[0]));
            out.load(ALOAD, scalars.local(pair[1]));
            out.jump(IF_ACMPEQ, fallback);
        }
        for (Flag f : ir.flags()) {
            // a flag's constant index is in bounds (its array was null-checked with the references)
            out.ldc(f.index());
            out.load(ALOAD, scalars.local(f.array()));
            out.op(ARRAYLENGTH);
            out.jump(IF_ICMPGE, fallback);
        }
    }

    /**
     * Falls back when the read trails the write by 1 to {@code lanes - 1} iterations (the read
     * would see an element written earlier in the same chunk), or by 0 when the read follows the
     * write in the iteration (it would see the element just written).
     */
    private void overlap(Affine write, Affine read, boolean late) {
        int distance = out.local(2);
        index(write, -1, 0);
        index(read, -1, 0);
        out.op(LSUB);
        if (plan.ir().step() * write.scale() < 0) { // the iterations apart: the elements apart, divided by the step (1 or -1)
            out.op(LNEG);
        }
        out.load(LSTORE, distance);
        LabelNode safe = new LabelNode();
        out.load(LLOAD, distance);
        out.op(LCONST_0);
        out.op(LCMP);
        out.jump(late ? IFLT : IFLE, safe);
        out.load(LLOAD, distance);
        out.ldc((long) plan.lanes());
        out.op(LCMP);
        out.jump(IFLT, fallback);
        out.label(safe);
    }

    /** @return a local holding {@code start + (count / chunk) * chunk * step}: an iteration's value of the induction variable, so an int */
    private int rangeEnd(int count, int chunk) {
        out.load(ILOAD, start);
        out.op(I2L);
        out.load(LLOAD, count);
        out.ldc((long) chunk);
        out.op(LDIV);
        out.ldc((long) chunk);
        out.op(LMUL);
        out.ldc((long) plan.ir().step());
        out.op(LMUL);
        out.op(LADD);
        out.op(L2I);
        int slot = out.local(1);
        out.load(ISTORE, slot);
        return slot;
    }

    /**
     * Falls back unless the indexes the access touches over the whole vector range lie in its
     * array: an affine index is monotone in the induction variable, so its first and last
     * iterations bound it, whatever the sign of its step (falling for {@code a[c - i]}, known
     * only at run time for {@code a[i * n + i]}).
     */
    private void bounds(Access a) {
        if (a.form() == AccessForm.GATHER) {
            return; // each chunk checks its own indexes (VectorEmitter.checkGathers)
        }
        Affine ix = a.index();
        if (ix.invariant()) {
            inBounds(a, ix, -1, 0);
            return;
        }
        inBounds(a, ix, start, 0);
        inBounds(a, ix, end, -plan.ir().step()); // the vector range's last iteration
    }

    private void inBounds(Access a, Affine ix, int position, int adjust) {
        index(ix, position, adjust);
        out.op(LCONST_0);
        out.op(LCMP);
        out.jump(IFLT, fallback);
        index(ix, position, adjust);
        out.load(ALOAD, scalars.local(a.array()));
        out.op(ARRAYLENGTH);
        out.op(I2L);
        out.op(LCMP);
        out.jump(IFGE, fallback);
    }

    /**
     * Pushes, as an exact long, the index at iteration {@code (position local) + adjust}:
     * {@code base + offset + (scale + stride) * iteration}, or {@code base + offset} when there
     * is no position.
     */
    private void index(Affine ix, int position, int adjust) {
        out.ldc(ix.offset());
        if (ix.base() != null) {
            out.load(ILOAD, scalars.local(ix.base()));
            out.op(I2L);
            out.op(LADD);
        }
        if (position >= 0) {
            out.load(ILOAD, position);
            out.op(I2L);
            if (adjust != 0) {
                out.ldc((long) adjust);
                out.op(LADD);
            }
            if (ix.runtimeStride()) {
                out.load(ILOAD, scalars.local(ix.stride()));
                out.op(I2L);
                out.ldc((long) ix.scale());
                out.op(LADD);
                out.op(LMUL);
            } else if (ix.scale() != 1) {
                out.ldc((long) ix.scale());
                out.op(LMUL);
            }
            out.op(LADD);
        }
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    int endUnrolled() {
        return endUnrolled;
    }
}
