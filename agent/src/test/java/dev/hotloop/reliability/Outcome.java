package dev.hotloop.reliability;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one call of a kernel did: its result or exception, its arguments afterwards (the arrays it
 * wrote), and the static fields of its class afterwards.
 *
 * @param result  the return value, null for void or when it threw
 * @param thrown  what it threw, or null
 * @param args    its arguments after the call
 * @param statics the class's static fields after the call, in declaration order
 */
record Outcome(Object result, Throwable thrown, Object[] args, List<Object> statics) {

    /**
     * @param m    the kernel, in the class to run
     * @param args its arguments, changed by the call
     */
    static Outcome of(Method m, Object[] args) {
        Object result = null;
        Throwable thrown = null;
        try {
            result = m.invoke(null, args);
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return new Outcome(result, thrown, args, statics(m.getDeclaringClass()));
    }

    private static List<Object> statics(Class<?> c) {
        List<Object> out = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            // the agent's own synthetic fields (a SIMD loop's switch) are not the program's state
            if (Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                f.setAccessible(true);
                try {
                    out.add(f.getName() + "=" + f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /**
     * @param args arguments
     * @return a deep copy in which arrays the original passed twice are still one array
     */
    static Object[] copy(Object[] args) {
        Map<Object, Object> copies = new IdentityHashMap<>();
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            out[i] = a != null && a.getClass().isArray() ? copies.computeIfAbsent(a, Outcome::cloneArray) : a;
        }
        return out;
    }

    private static Object cloneArray(Object a) {
        if (a instanceof float[] f) {
            return f.clone();
        }
        if (a instanceof double[] d) {
            return d.clone();
        }
        if (a instanceof int[] x) {
            return x.clone();
        }
        if (a instanceof long[] x) {
            return x.clone();
        }
        if (a instanceof short[] x) {
            return x.clone();
        }
        if (a instanceof char[] x) {
            return x.clone();
        }
        if (a instanceof boolean[] x) {
            return x.clone();
        }
        return ((byte[]) a).clone();
    }
}
