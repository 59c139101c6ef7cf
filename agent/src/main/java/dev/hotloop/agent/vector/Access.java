package dev.hotloop.agent.vector;

/**
 * One array the loop reads or writes, at one index form: what the guards check and what code
 * generation loads and stores by.
 *
 * @param array   the array expression (loop-invariant)
 * @param element its element type
 * @param index   the index, affine in the induction variable
 * @param form    how the index walks the array ({@link AccessForm#of} the index)
 * @param written whether the loop stores to it
 * @param read    whether the loop loads from it
 * @param late    whether it is read after a store to the same array at another index, in the same
 *                iteration (so it would see that store if the two indexes met)
 */
record Access(Expr array, Kind element, Affine index, AccessForm form, boolean written, boolean read, boolean late) {

    /** @return {@code a[i + 1] float contiguous, written}: one line of the plan */
    String describe() {
        String how = form == AccessForm.STRIDED ? " " + index.step() + (read && written ? " (gather, scatter)" : written ? " (scatter)" : " (gather)")
                : form == AccessForm.REVERSED ? " (lanes reversed)" : "";
        return array + "[" + index + "] " + element.javaName() + " " + form + how + (written ? ", written" : "")
                + (late ? ", read after a store" : "");
    }
}
