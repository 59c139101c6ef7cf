package dev.hotloop.agent.vector;

/**
 * A flag an iteration raises: {@code true} stored into a {@code boolean[]} at a constant index, as
 * coverage tools (JaCoCo's probes) do. It is idempotent, so the iterations need no order: the flag
 * ends up set if and only if some iteration reaches the store, which a chunk of iterations
 * reproduces as "any lane of {@code mask} is true".
 *
 * @param array the loop-invariant {@code boolean[]}
 * @param index the element, a constant
 * @param mask  the condition under which the iteration reaches the store
 */
record Flag(Expr array, int index, Expr mask) {

    @Override
    public String toString() {
        return (mask instanceof Expr.True ? "" : "if " + mask + ": ") + array + "[" + index + "] = true";
    }
}
