package dev.hotloop.demo;

import dev.hotloop.Vectorize;

/**
 * Reductions: the float dot product at the heart of similarity search and small neural layers,
 * and an exact int sum.
 *
 * <p>The use case is picking one loop, not a whole method: the annotation sits on the index
 * variable, as TornadoVM writes it. {@link #dot} allows reassociation ({@code fastMath}), since a
 * float sum in another order rounds differently; {@link #sum} needs no such permission, because
 * int addition wraps the same in any order, so it stays strict and bit-identical.
 */
final class Dot {

    private Dot() {
    }

    /**
     * Returns the sum of {@code a[i] * b[i]}, in an order the agent may change.
     *
     * @param a the first vector
     * @param b the second vector, at least as long as {@code a}
     * @return the dot product
     */
    static float dot(float[] a, float[] b) {
        float s = 0;
        for (@Vectorize(fastMath = true) int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Returns the sum of the elements, wrapping on overflow like {@code +}.
     *
     * @param a the values
     * @return their sum modulo 2<sup>32</sup>
     */
    @Vectorize
    static int sum(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }
}
