package dev.hotloop.runtime.tier;

import java.lang.reflect.Array;
import java.util.IdentityHashMap;
import java.util.Map;

/** Private copies of a loop's inputs, so that a measurement never writes the program's arrays. */
final class Inputs {

    /** Inputs larger than this are not copied: the loop then keeps its original form. */
    static final long MAX_BYTES = 64L << 20;

    private Inputs() {
    }

    /** @return a copy of {@code args} with every primitive array cloned, or null when they are too large */
    static Object[] copy(Object[] args) {
        long bytes = 0;
        for (Object a : args) {
            bytes += bytes(a);
        }
        if (bytes > MAX_BYTES) {
            return null;
        }
        Object[] out = args.clone();
        // one copy per array, so that arguments that alias in the program alias in the copy
        Map<Object, Object> copies = new IdentityHashMap<>();
        for (int i = 0; i < out.length; i++) {
            Object a = out[i];
            if (primitiveArray(a)) {
                out[i] = copies.computeIfAbsent(a, Inputs::cloneArray);
            }
        }
        return out;
    }

    /** Copies {@code from}'s arrays into {@code into}'s, element for element (same shapes). */
    static void refresh(Object[] from, Object[] into) {
        for (int i = 0; i < from.length; i++) {
            Object a = from[i];
            if (primitiveArray(a)) {
                System.arraycopy(a, 0, into[i], 0, Array.getLength(a));
            }
        }
    }

    /** @return the bytes of a primitive array, else 0 */
    private static long bytes(Object a) {
        if (!primitiveArray(a)) {
            return 0;
        }
        Class<?> c = a.getClass().getComponentType();
        int size = c == long.class || c == double.class ? 8 : c == int.class || c == float.class ? 4
                : c == short.class || c == char.class ? 2 : 1;
        return (long) size * Array.getLength(a);
    }

    /** @return a copy of a primitive array; anything else (an object the loop only reads) as it is */
    private static Object cloneArray(Object a) {
        if (!primitiveArray(a)) {
            return a;
        }
        int n = Array.getLength(a);
        Object copy = Array.newInstance(a.getClass().getComponentType(), n);
        System.arraycopy(a, 0, copy, 0, n);
        return copy;
    }

    private static boolean primitiveArray(Object a) {
        return a != null && a.getClass().isArray() && a.getClass().getComponentType().isPrimitive();
    }
}
