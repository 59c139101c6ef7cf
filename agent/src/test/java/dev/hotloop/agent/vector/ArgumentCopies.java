package dev.hotloop.agent.vector;

import java.lang.reflect.Array;
import java.util.IdentityHashMap;
import java.util.Map;

/** Copies of a kernel's arguments, so that the original and the rewritten kernel start from equal inputs. */
final class ArgumentCopies {

    private ArgumentCopies() {
    }

    /**
     * @param args arguments, arrays among them
     * @return the same values with every array cloned once: an array passed twice is one clone
     *     passed twice, so the copy aliases exactly as the original does
     */
    static Object[] of(Object[] args) {
        Map<Object, Object> clones = new IdentityHashMap<>();
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            out[i] = a != null && a.getClass().isArray() ? clones.computeIfAbsent(a, ArgumentCopies::cloneArray) : a;
        }
        return out;
    }

    /**
     * @param args arguments, arrays among them
     * @return a copy in which every float and double, in arrays or not, is replaced by its
     *     absolute value: run through a kernel of sums, an upper bound of the sum of |terms|
     */
    static Object[] absolute(Object[] args) {
        Object[] out = of(args);
        for (int i = 0; i < out.length; i++) {
            Object a = out[i];
            if (a instanceof Float f) {
                out[i] = Math.abs(f);
            } else if (a instanceof Double d) {
                out[i] = Math.abs(d);
            } else if (a instanceof float[] f) {
                for (int j = 0; j < f.length; j++) {
                    f[j] = Math.abs(f[j]);
                }
            } else if (a instanceof double[] d) {
                for (int j = 0; j < d.length; j++) {
                    d[j] = Math.abs(d[j]);
                }
            }
        }
        return out;
    }

    private static Object cloneArray(Object array) {
        int length = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), length);
        System.arraycopy(array, 0, copy, 0, length);
        return copy;
    }
}
