package dev.hotloop.agent.vector;

/**
 * One array the loop reads or writes, at one index form: what the guards check and what code
 * generation loads and stores by.
 *
 * @param array   the array expression (loop-invariant)
 * @param element its element type
 * @param index   the index, affine in the induction variable; null for a {@link AccessForm#GATHER}
 * @param form    how the index walks the array ({@link AccessForm#of} the index)
 * @param written whether the loop stores to it
 * @param read    whether the loop loads from it
 * @param late    whether it is read after a store to the same array at another index, in the same
 *                iteration (so it would see that store if the two indexes met)
 * @param gathered the int index a {@link AccessForm#GATHER} computes per element ({@code b[i]} in
 *                 {@code a[b[i]]}), checked in range for each chunk before the chunk loads or
 *                 stores anything; null for the other forms
 */
record Access(Expr array, Kind element, Affine index, AccessForm form, boolean written, boolean read, boolean late, Expr gathered) {

    Access(Expr array, Kind element, Affine index, AccessForm form, boolean written, boolean read, boolean late) {
        this(array, element, index, form, written, read, late, null);
    }

    /** @return whether this access is at the index {@code at}: its affine form, or for a gather its index expression */
    boolean at(Affine affine, Expr at) {
        return gathered != null ? gathered.equals(at) : index.equals(affine);
    }

    /**
     * @param spacing how far the induction variable moves from one lane to the next
     * @return {@code a[i + 1] float contiguous, written}: one line of the plan, a strided access
     *     with its step from lane to lane
     */
    String describe(int spacing) {
        if (form == AccessForm.GATHER) {
            return array + "[" + gathered + "] " + element.javaName() + " gather (index checked per chunk)";
        }
        String step = spacing == 1 ? index.step() : index.runtimeStride() ? spacing + "*(" + index.step() + ")"
                : Long.toString((long) index.scale() * spacing);
        String how = form == AccessForm.STRIDED ? " " + step + (read && written ? " (gather, scatter)" : written ? " (scatter)" : " (gather)")
                : form == AccessForm.REVERSED ? " (lanes reversed)" : "";
        return array + "[" + index + "] " + element.javaName() + " " + form + how + (written ? ", written" : "")
                + (late ? ", read after a store" : "");
    }
}
