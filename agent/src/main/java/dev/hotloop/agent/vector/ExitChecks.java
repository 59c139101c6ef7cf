package dev.hotloop.agent.vector;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.LabelNode;

/**
 * The run-time checks of an {@link ExitForm}, among the {@link Guards}: each that fails jumps to
 * the original loop, which then runs every iteration as written (wrapping around, running past its
 * arrays, or for ever, as it always did).
 *
 * <p>The {@code i != n} checks state the plan's precondition rather than guard a difference: the
 * trip-count guard already falls back unless the index starts short of {@code n}, and the
 * iterations the SIMD form runs are then the original's first ones even where a step misses
 * {@code n}. The narrow-index check does guard one: without it the SIMD form would run past the
 * type's largest value, where the original wraps ({@code ExitFormsEquivalenceTest} fails).
 */
final class ExitChecks implements Opcodes {

    private ExitChecks() {
    }

    /**
     * @param out      where the checks go
     * @param ir       the loop
     * @param start    the local holding the induction variable at entry
     * @param bound    the local holding the bound
     * @param fallback the original loop
     */
    static void emit(Emitter out, LoopIR ir, int start, int bound, LabelNode fallback) {
        ExitForm form = ir.exitForm();
        boolean up = ir.step() > 0;
        if (form.notEqual()) {
            // i != n reaches n: it starts on the near side (strictly, tested after the body) ...
            out.load(ILOAD, start);
            out.load(ILOAD, bound);
            out.jump(up ? ir.bottom() ? IF_ICMPGE : IF_ICMPGT : ir.bottom() ? IF_ICMPLE : IF_ICMPLT, fallback);
            if (Math.abs(ir.step()) != 1) { // ... a whole number of steps away
                out.load(ILOAD, bound);
                out.op(I2L);
                out.load(ILOAD, start);
                out.op(I2L);
                out.op(LSUB);
                out.ldc((long) Math.abs(ir.step()));
                out.op(LREM);
                out.op(LCONST_0);
                out.op(LCMP);
                out.jump(IFNE, fallback);
            }
        }
        if (form.narrow()) {
            // the index starts in its type's range ...
            out.load(ILOAD, start);
            out.op(form.ivKind() == Kind.SHORT ? I2S : form.ivKind() == Kind.BYTE ? I2B : I2C);
            out.load(ILOAD, start);
            out.jump(IF_ICMPNE, fallback);
            // ... and the value that ends the loop is in it too, so no step wraps
            out.load(ILOAD, bound);
            out.op(I2L);
            out.ldc(ExitForm.exitOffset(ir));
            out.op(LADD);
            out.ldc((long) (up ? form.max() : form.min()));
            out.op(LCMP);
            out.jump(up ? IFGT : IFLT, fallback);
        }
    }
}
