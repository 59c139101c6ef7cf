package dev.hotloop.agent.targets;

import dev.hotloop.Parallel;

/**
 * Annotated only on a local variable: the annotation lives in the method's
 * {@code RuntimeVisibleTypeAnnotations}, not on any declaration.
 */
public final class TypeUseOnlyTarget {

    private TypeUseOnlyTarget() {
    }

    public static void clear(int[] a) {
        for (@Parallel int i = 0; i < a.length; i++) { // @loop:clear
            a[i] = 0;
        }
    }
}
