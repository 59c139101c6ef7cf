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
            if (a != null && a.getClass().isArray()) {
                out[i] = copies.computeIfAbsent(a, Inputs::cloneArray);
            }
        }
        return out;
    }

    /** Copies {@code from}'s arrays into {@code into}'s, element for element (same shapes). */
    static void refresh(Object[] from, Object[] into) {
        for (int i = 0; i < from.length; i++) {
            Object a = from[i];
            if (a != null && a.getClass().isArray() && a.getClass().getComponentType().isPrimitive()) {
                System.arraycopy(a, 0, into[i], 0, Array.getLength(a));
            }
        }
    }

    private static long bytes(Object a) {
        if (a instanceof float[] f) {
            return 4L * f.length;
        } else if (a instanceof double[] d) {
            return 8L * d.length;
        } else if (a instanceof int[] x) {
            return 4L * x.length;
        } else if (a instanceof long[] x) {
            return 8L * x.length;
        } else if (a instanceof short[] x) {
            return 2L * x.length;
        } else if (a instanceof char[] x) {
            return 2L * x.length;
        } else if (a instanceof byte[] x) {
            return x.length;
        } else if (a instanceof boolean[] x) {
            return x.length;
        }
        return 0;
    }

    private static Object cloneArray(Object a) {
        if (a instanceof float[] f) {
            return f.clone();
        } else if (a instanceof double[] d) {
            return d.clone();
        } else if (a instanceof int[] x) {
            return x.clone();
        } else if (a instanceof long[] x) {
            return x.clone();
        } else if (a instanceof short[] x) {
            return x.clone();
        } else if (a instanceof char[] x) {
            return x.clone();
        } else if (a instanceof byte[] x) {
            return x.clone();
        } else if (a instanceof boolean[] x) {
            return x.clone();
        }
        return a; // a boxed scalar, or an object the loop only reads fields of
    }
}
