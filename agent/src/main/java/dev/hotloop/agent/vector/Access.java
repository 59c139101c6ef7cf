package dev.hotloop.agent.vector;

/**
 * One array the loop reads or writes, at one index form: what the guards check.
 *
 * @param array   the array expression (loop-invariant)
 * @param element its element type
 * @param index   the index, affine in the induction variable
 * @param written whether the loop stores to it
 * @param late    whether it is read after a store to the same array at another index, in the same
 *                iteration (so it would see that store if the two indexes met)
 */
record Access(Expr array, Kind element, Affine index, boolean written, boolean late) {
}
