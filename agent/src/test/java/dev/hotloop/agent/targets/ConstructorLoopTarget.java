package dev.hotloop.agent.targets;

import dev.hotloop.Vectorize;

/**
 * Annotated loops where no method annotation can go: in a constructor, whose body starts with
 * the call to the superclass constructor, and in the static initialiser.
 */
public final class ConstructorLoopTarget {

    static final int[] SQUARES = new int[8];

    static {
        for (@Vectorize int i = 0; i < SQUARES.length; i++) {
            SQUARES[i] = i * i;
        }
    }

    private final float[] values;

    public ConstructorLoopTarget(float[] in) {
        values = new float[in.length];
        for (@Vectorize int i = 0; i < in.length; i++) {
            values[i] = in[i] * 2;
        }
    }

    public float[] values() {
        return values.clone();
    }
}
