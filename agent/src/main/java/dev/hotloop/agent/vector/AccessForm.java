package dev.hotloop.agent.vector;

/**
 * How an access walks its array as the induction variable steps: the one thing code generation
 * needs to know to load or store a chunk of lanes. The legality stage fixes it once, in the plan.
 */
enum AccessForm {
    /** {@code a[i + c]}: consecutive elements, one vector load or store per chunk. */
    CONTIGUOUS("contiguous"),
    /** {@code a[c]}: the same element on every iteration (read once, broadcast). */
    INVARIANT("invariant"),
    /**
     * {@code a[k*i + c]} with {@code k} other than 1 and -1, a constant or loop-invariant
     * ({@code a[i * n + i]}): a gather (loads) or scatter (stores) through an index map of
     * {@code k * lane}, built once before the loop.
     */
    STRIDED("strided"),
    /**
     * {@code a[c - i]}: consecutive elements in falling order: one contiguous load or store of the
     * chunk's elements and a lane reversal, whose shuffle is built once before the loop.
     */
    REVERSED("reversed"),
    /**
     * {@code a[b[i]]}: an int index computed per element, read only: the chunk's indexes go into a
     * scratch index map, are checked in range (else the original loop runs from the chunk), and
     * the lanes are gathered through it.
     */
    GATHER("gather");

    private final String word;

    AccessForm(String word) {
        this.word = word;
    }

    /**
     * @param index   an affine index
     * @param spacing how far the induction variable moves from one lane to the next: the absolute
     *                value of the loop's step
     * @return the form of the index: by its step from lane to lane, {@code scale * spacing}
     */
    static AccessForm of(Affine index, int spacing) {
        if (index.runtimeStride()) {
            return STRIDED;
        }
        long lane = (long) index.scale() * spacing;
        return lane == 0 ? INVARIANT : lane == 1 ? CONTIGUOUS : lane == -1 ? REVERSED : STRIDED;
    }

    /** @return whether lanes go through an index map (gather or scatter) */
    boolean mapped() {
        return this == STRIDED;
    }

    /** @return whether lanes are loaded or stored through indexes: a strided map, or a gather's per-element indexes */
    boolean indexed() {
        return mapped() || this == GATHER;
    }

    @Override
    public String toString() {
        return word;
    }
}
