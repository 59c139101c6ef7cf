package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Bounds the size of the values a loop body lifts to. Values are DAGs: if-conversion merges both
 * sides of every branch into a {@code Select}, and a later branch that reads the merged value
 * shares it, so a few dozen conditions in a row can stand for a tree of billions of nodes. Every
 * later stage (simplification, equality, printing, code generation) walks values as trees, so
 * the lifter refuses a loop as soon as one value's tree grows past {@link #LIMIT}. Sizes are
 * memoized by identity and saturate at the limit: checking a value costs as many steps as it has
 * nodes not seen before.
 */
final class TreeSize {

    /**
     * The most operations one value of the loop body may have, counted as a tree: about ten
     * if/else statements in a row that each read the value the one before computed.
     */
    static final int LIMIT = 1 << 16;

    private final Map<Expr, Integer> sizes = new IdentityHashMap<>();

    /** Checks every value the state holds: the path condition, the operand stack and the locals. */
    void check(SymState s) throws Refusal {
        check(s.predicate);
        for (Expr e : s.stack) {
            check(e);
        }
        for (Expr e : s.locals.values()) {
            check(e);
        }
    }

    private void check(Expr e) throws Refusal {
        if (e != null && of(e) > LIMIT) {
            throw new Refusal(RefusalCode.BODY_TOO_LARGE, "with its branches merged, the loop body computes a value of more than "
                    + LIMIT + " operations; split the loop into smaller loops");
        }
    }

    /** @return the number of nodes of {@code e} as a tree, or {@code LIMIT + 1} if it has more */
    int of(Expr e) {
        Integer known = sizes.get(e);
        if (known != null) {
            return known;
        }
        int n = 1;
        for (Expr c : Walk.children(e)) {
            n = Math.min(LIMIT + 1, n + of(c));
        }
        sizes.put(e, n);
        return n;
    }
}
