package dev.hotloop.agent.vector;

/**
 * How the original loop's exit test and induction variable differ from the {@code int} loop the IR
 * states ({@code i < n} upward, {@code i > n} downward, ...), and the run-time conditions
 * ({@link ExitChecks}) under which the two run the same iterations:
 * <ul>
 *   <li>{@code i != n} is {@code i < n} stepping up ({@code i > n} down) when the index reaches
 *       the bound exactly: it starts on the near side of it (strictly, when tested after the body)
 *       and the distance is a multiple of the step. Otherwise the original wraps around the int
 *       range or runs past its arrays, and it runs as written;</li>
 *   <li>a {@code short}, {@code byte} or {@code char} index, stepped by {@code i = (short) (i + c)},
 *       is an {@code int} index while it starts in its type's range and the first value that fails
 *       the exit test is in it too: then no step wraps. Otherwise the original wraps (often for
 *       ever, or to a negative index) and runs as written.</li>
 * </ul>
 *
 * @param notEqual whether the source's exit test is {@code i != n} (or {@code n != i})
 * @param ivKind   the induction variable's type: {@link Kind#INT}, or {@link Kind#SHORT},
 *                 {@link Kind#BYTE} or {@link Kind#CHAR} for a narrow one
 */
record ExitForm(boolean notEqual, Kind ivKind) {

    /** An {@code int} index tested with {@code <}, {@code <=}, {@code >} or {@code >=}: nothing to check. */
    static final ExitForm PLAIN = new ExitForm(false, Kind.INT);

    /** @return whether the index is a {@code short}, {@code byte} or {@code char} */
    boolean narrow() {
        return ivKind != Kind.INT;
    }

    /** @return the smallest value of the index's type */
    int min() {
        return ivKind == Kind.SHORT ? Short.MIN_VALUE : ivKind == Kind.BYTE ? Byte.MIN_VALUE : ivKind == Kind.CHAR ? 0 : Integer.MIN_VALUE;
    }

    /** @return the largest value of the index's type */
    int max() {
        return ivKind == Kind.SHORT ? Short.MAX_VALUE : ivKind == Kind.BYTE ? Byte.MAX_VALUE : ivKind == Kind.CHAR ? Character.MAX_VALUE : Integer.MAX_VALUE;
    }

    /**
     * The first value of the index that fails the exit test lies between the last iteration's and
     * {@code bound + exitOffset(ir)}: {@code i < n} under {@code i += s} stops at most at
     * {@code n + s - 1}, {@code i <= n} at {@code n + s}, {@code i != n} exactly at {@code n};
     * likewise downward.
     *
     * @param ir the loop
     * @return that offset from the bound
     */
    static long exitOffset(LoopIR ir) {
        if (ir.exitForm().notEqual()) {
            return 0;
        }
        Expr.Cond c = ir.cond();
        long s = ir.step();
        return c == Expr.Cond.LT ? s - 1 : c == Expr.Cond.GT ? s + 1 : s;
    }

    /**
     * @param ir    the loop
     * @param bound the bound's value
     * @return whether a narrow index that starts in its range stays in it up to the exit test that ends the loop
     */
    boolean staysInRange(LoopIR ir, long bound) {
        long last = bound + exitOffset(ir);
        return ir.step() > 0 ? last <= max() : last >= min();
    }

    /**
     * @param ir the loop
     * @return the lines the plan prints for it, each ending in a newline; empty for {@link #PLAIN}
     */
    String describe(LoopIR ir) {
        StringBuilder b = new StringBuilder();
        String i = ir.ivName();
        String n = String.valueOf(ir.bound());
        if (notEqual) {
            b.append("  exit: ").append(i).append(" != ").append(n).append(" (guard: ").append(i).append(' ')
                    .append(ir.step() > 0 ? ir.bottom() ? "<" : "<=" : ir.bottom() ? ">" : ">=").append(' ').append(n);
            if (Math.abs(ir.step()) != 1) {
                b.append(", (").append(n).append(" - ").append(i).append(") % ").append(Math.abs(ir.step())).append(" == 0");
            }
            b.append(")\n");
        }
        if (narrow()) {
            long offset = exitOffset(ir);
            b.append("  index: ").append(ivKind.javaName()).append(' ').append(i).append(" (guard: (").append(ivKind.javaName()).append(") ")
                    .append(i).append(" == ").append(i).append(", ").append(n)
                    .append(offset == 0 ? "" : offset > 0 ? " + " + offset : " - " + -offset)
                    .append(ir.step() > 0 ? " <= " + max() : " >= " + min()).append(")\n");
        }
        return b.toString();
    }
}
