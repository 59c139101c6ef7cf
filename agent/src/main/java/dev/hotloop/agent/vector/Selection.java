package dev.hotloop.agent.vector;

import java.util.List;

/**
 * A local replaced by a value that beats it: {@code if (guard && term > best) { best = term; at = i; }}
 * (also {@code >=}, {@code <}, {@code <=}). Each lane keeps its own best, the iteration that set
 * it and the companions' values there; the lanes are folded in iteration order, so the result is
 * the original's bit for bit: with {@code >} or {@code <} the first of equal values wins (which
 * decides between {@code -0.0} and {@code 0.0}), with {@code >=} or {@code <=} the last, and NaN
 * never wins. Integral selections without companions are plain {@code max}/{@code min}
 * {@link Reduction}s instead.
 *
 * @param slot       the best-so-far local
 * @param name       its source name
 * @param kind       its type: int, long, float or double
 * @param term       the candidate one iteration offers
 * @param cond       how the candidate must compare with the best to replace it, {@code term cond best}:
 *                   GT, GE, LT or LE
 * @param guard      a further condition of the update that does not read the best, or true
 * @param mask       the whole update condition as the loop tests it, for the scalar form
 * @param companions the locals assigned under the same condition ({@code at = i})
 */
record Selection(int slot, String name, Kind kind, Expr term, Expr.Cond cond, Expr guard, Expr mask, List<Companion> companions) {

    /**
     * A local set together with the best: {@code at = value} whenever the best is replaced.
     *
     * @param slot  the local
     * @param name  its source name
     * @param kind  its type (a lane type)
     * @param value what it is set to, not reading any local the loop assigns
     */
    record Companion(int slot, String name, Kind kind, Expr value) {
    }

    /** @return whether a candidate equal to the best leaves it ({@code >}, {@code <}): the first of equals wins */
    boolean strict() {
        return cond == Expr.Cond.GT || cond == Expr.Cond.LT;
    }

    /** @return whether the larger candidate wins */
    boolean max() {
        return cond == Expr.Cond.GT || cond == Expr.Cond.GE;
    }

    /** @return how reports name it: {@code argmax}, {@code min} */
    String symbol() {
        return (companions.isEmpty() ? "" : "arg") + (max() ? "max" : "min");
    }

    /** @return one line for the plan: {@code best = a[i] when a[i] > best, at = i} */
    String describe() {
        StringBuilder b = new StringBuilder(name).append(" = ").append(term).append(" when ").append(term).append(' ')
                .append(cond.symbol()).append(' ').append(name);
        if (!(guard instanceof Expr.True)) {
            b.append(" && ").append(guard);
        }
        for (Companion c : companions) {
            b.append(", ").append(c.name()).append(" = ").append(c.value());
        }
        return b.append(" (").append(symbol()).append(", the ").append(strict() ? "first" : "last").append(" of equals wins)").toString();
    }
}
