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
 */
record Reduction(int slot, String name, Op op, Kind kind, Expr term, boolean subtract) {

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
