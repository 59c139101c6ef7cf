package dev.hotloop.agent.vector;

/**
 * A local that accumulates across iterations: {@code slot = slot op term} on every iteration
 * (a conditional update has {@code term} select the operation's identity where it is skipped).
 *
 * @param slot     the local
 * @param name     its source name
 * @param op       the combining operation ({@link Op#ADD} also for {@code -=}, see {@code subtract})
 * @param kind     the local's type
 * @param term     what one iteration contributes
 * @param subtract whether the update was {@code slot - term}: the lanes are summed, then subtracted
 * @param narrow   {@link Kind#BYTE} or {@link Kind#SHORT} for a byte or short local (computed in
 *                 int lanes, cast once at the end), else null
 * @param ordered  whether the lanes are folded into the local one at a time, in iteration order
 *                 (a strict float/double sum or product: bit-identical to the original), rather
 *                 than combined in vector accumulators and reduced at the end
 */
record Reduction(int slot, String name, Op op, Kind kind, Expr term, boolean subtract, Kind narrow, boolean ordered) {

    /** @return the value that leaves a lane unchanged under {@code op} */
    static Expr.Const identity(Op op, Kind kind) {
        switch (op) {
            case ADD: case OR: case XOR: return constant(kind, 0);
            case MUL: return constant(kind, 1);
            case AND: return constant(kind, -1);
            case MIN: return kind == Kind.INT ? constant(kind, Integer.MAX_VALUE) : kind == Kind.LONG
                    ? new Expr.Const(kind, Long.MAX_VALUE) : kind == Kind.FLOAT
                    ? new Expr.Const(kind, Float.POSITIVE_INFINITY) : new Expr.Const(kind, Double.POSITIVE_INFINITY);
            case MAX: return kind == Kind.INT ? constant(kind, Integer.MIN_VALUE) : kind == Kind.LONG
                    ? new Expr.Const(kind, Long.MIN_VALUE) : kind == Kind.FLOAT
                    ? new Expr.Const(kind, Float.NEGATIVE_INFINITY) : new Expr.Const(kind, Double.NEGATIVE_INFINITY);
            default: throw new IllegalArgumentException("no identity for " + op);
        }
    }

    /**
     * The exact identity of an ordered float/double fold, for the lanes a condition skips:
     * {@code s + -0.0} and {@code s - 0.0} are {@code s} for every {@code s}, {@code -0.0} included
     * (where {@code s + 0.0} would turn {@code -0.0} into {@code 0.0}); {@code s * 1} is {@code s}.
     *
     * @return the value that leaves the local unchanged when folded in
     */
    static Expr.Const orderedIdentity(Op op, Kind kind, boolean subtract) {
        double v = op == Op.MUL ? 1.0 : subtract ? 0.0 : -0.0;
        return kind == Kind.FLOAT ? new Expr.Const(kind, (float) v) : new Expr.Const(kind, v);
    }

    private static Expr.Const constant(Kind kind, int v) {
        switch (kind) {
            case LONG: return new Expr.Const(kind, (long) v);
            case FLOAT: return new Expr.Const(kind, (float) v);
            case DOUBLE: return new Expr.Const(kind, (double) v);
            default: return new Expr.Const(kind, v);
        }
    }

    /** @return how the report names it: {@code +}, {@code min}, ... */
    String symbol() {
        return subtract ? "-" : op.symbol();
    }
}
