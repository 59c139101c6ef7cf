package dev.hotloop.agent.vector;

/**
 * One array the loop reads or writes, at one index form: what the guards check.
 *
 * @param array   the array expression (loop-invariant)
 * @param element its element type
 * @param index   the index, affine in the induction variable
 * @param written whether the loop stores to it
 */
record Access(Expr array, Kind element, Affine index, boolean written) {
}
