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
    /** {@code a[k*i + c]} with a constant {@code k} other than 1 and -1: not generated yet. */
    STRIDED("strided"),
    /** {@code a[c - i]}: consecutive elements in falling order: not generated yet. */
    REVERSED("reversed"),
    /** {@code a[b[i]]}: an index computed per element: not generated yet. */
    GATHER("gather");

    private final String word;

    AccessForm(String word) {
        this.word = word;
    }

    /** @return the form of an affine index */
    static AccessForm of(Affine index) {
        return index.scale() == 0 ? INVARIANT : index.scale() == 1 ? CONTIGUOUS : index.scale() == -1 ? REVERSED : STRIDED;
    }

    @Override
    public String toString() {
        return word;
    }
}
