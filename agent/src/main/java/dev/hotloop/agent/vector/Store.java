package dev.hotloop.agent.vector;

/**
 * An array store of one iteration.
 *
 * @param array   the array
 * @param index   the element index
 * @param element the element type
 * @param value   the value stored, already narrowed to {@code element}
 * @param mask    the condition under which the iteration reaches the store
 */
record Store(Expr array, Expr index, Kind element, Expr value, Expr mask) {

    @Override
    public String toString() {
        return (mask instanceof Expr.True ? "" : "if " + mask + ": ") + array + "[" + index + "] = " + value;
    }
}
