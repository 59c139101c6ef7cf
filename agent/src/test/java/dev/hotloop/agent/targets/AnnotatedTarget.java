package dev.hotloop.agent.targets;

import dev.hotloop.Vectorize;

/** The smallest annotated class: one {@code @Vectorize} method with one loop. */
public final class AnnotatedTarget {

    private AnnotatedTarget() {
    }

    @Vectorize
    public static void scale(float[] a, float k) {
        for (int i = 0; i < a.length; i++) { // @loop:scale
            a[i] *= k;
        }
    }
}
