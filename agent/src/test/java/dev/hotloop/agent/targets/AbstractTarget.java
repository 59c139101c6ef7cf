package dev.hotloop.agent.targets;

import dev.hotloop.Vectorize;

/** Annotated methods without bytecode next to one with a loop. */
public abstract class AbstractTarget {

    @Vectorize
    public abstract void scale(float[] a, float k);

    @Vectorize
    public native void nativeScale(float[] a, float k);

    @Vectorize
    public static void negate(float[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = -a[i];
        }
    }
}
