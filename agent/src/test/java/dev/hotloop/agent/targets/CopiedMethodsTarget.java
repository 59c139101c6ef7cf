package dev.hotloop.agent.targets;

import dev.hotloop.Vectorize;

/**
 * An annotated kernel beside a method the rewrite leaves alone, whose stack-map frame javac writes
 * with an interface type (javac 17 {@code Serializable}, 25 {@code CharSequence}) that a recomputed
 * frame would not have (ASM computes {@code Object} for the join of {@code String} and
 * {@code StringBuilder}): the frame tells a copied method from a rewritten one.
 */
public final class CopiedMethodsTarget {

    private CopiedMethodsTarget() {
    }

    @Vectorize
    public static void scale(float[] a, float k) {
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] * k;
        }
    }

    public static int length(boolean text) {
        CharSequence s = text ? "x" : new StringBuilder("yy");
        return s.length();
    }
}
