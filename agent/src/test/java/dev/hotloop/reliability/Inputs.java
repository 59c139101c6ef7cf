package dev.hotloop.reliability;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The argument lists a kernel runs on, derived from its parameter names and types (kernels are
 * compiled with {@code -parameters}): every size of {@link #SIZES} with random and with edge
 * values, then misuse at a few sizes (each array null, each array too short, all arrays of one
 * type the same array, bounds past the end). Deterministic in the seed, in every JVM.
 */
final class Inputs {

    /** Array sizes around the vector widths (4, 8, 16 lanes) and one long enough for a vector loop to run. */
    static final int[] SIZES = {0, 1, 2, 7, 8, 9, 15, 16, 17, 33, 1000};
    private static final int[] MISUSE_SIZES = {0, 1, 9, 17};

    /** How the arguments of one case are chosen. */
    enum Variant { RANDOM, SPECIAL, NULL, SHORT, ALIAS, BOUNDS }

    /**
     * @param size    the arrays' length
     * @param variant how values are chosen
     * @param which   for NULL and SHORT, the index of the array parameter concerned
     */
    record Case(int size, Variant variant, int which) {
        @Override
        public String toString() {
            return variant + (variant == Variant.NULL || variant == Variant.SHORT ? " array #" + which : "") + " n=" + size;
        }

        /**
         * The case's share of its inputs' seed: the same in every JVM. (The record's own
         * {@code hashCode} hashes the enum by identity, so it changed with whatever the JVM hashed
         * before: a kernel's inputs in a campaign differed from its inputs when run alone.)
         */
        int key() {
            return (size * 31 + variant.ordinal()) * 31 + which;
        }
    }

    private Inputs() {
    }

    /** @return every case for a kernel with {@code arrays} array parameters */
    static List<Case> cases(int arrays) {
        List<Case> out = new ArrayList<>();
        for (int size : SIZES) {
            out.add(new Case(size, Variant.RANDOM, -1));
            out.add(new Case(size, Variant.SPECIAL, -1));
        }
        for (int size : MISUSE_SIZES) {
            for (int k = 0; k < arrays; k++) {
                out.add(new Case(size, Variant.NULL, k));
                out.add(new Case(size, Variant.SHORT, k));
            }
            out.add(new Case(size, Variant.ALIAS, -1));
            out.add(new Case(size, Variant.BOUNDS, -1));
        }
        return out;
    }

    static int arrayCount(Method m) {
        int n = 0;
        for (Class<?> p : m.getParameterTypes()) {
            n += p.isArray() ? 1 : 0;
        }
        return n;
    }

    /**
     * @param m    a kernel
     * @param c    the case
     * @param seed the kernel's input seed
     * @return fresh arguments
     */
    static Object[] make(Method m, Case c, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + c.key());
        Parameter[] ps = m.getParameters();
        Object[] args = new Object[ps.length];
        boolean special = c.variant() == Variant.SPECIAL;
        int cols = 1 + r.nextInt(9);
        boolean nested = false;
        for (Parameter p : ps) {
            nested |= p.getName().equals("cols");
        }
        int arrayIndex = 0;
        List<Object> firstOfType = new ArrayList<>();
        for (int i = 0; i < ps.length; i++) {
            Class<?> t = ps[i].getType();
            String name = ps[i].getName();
            if (t.isArray()) {
                int len = c.variant() == Variant.SHORT && c.which() == arrayIndex ? c.size() / 2 : c.size();
                Object a = Values.array(t, len, special, r);
                if (c.variant() == Variant.ALIAS) {
                    for (Object earlier : firstOfType) {
                        if (earlier.getClass() == t) {
                            a = earlier;
                        }
                    }
                    firstOfType.add(a);
                }
                args[i] = c.variant() == Variant.NULL && c.which() == arrayIndex ? null : a;
                arrayIndex++;
            } else if (t == int.class && !name.startsWith("x")) {
                args[i] = bound(name, c, nested ? cols : 1, r);
            } else {
                args[i] = Values.scalar(t, special, r);
            }
        }
        return args;
    }

    /**
     * @param args a call's arguments
     * @return them on one line, arrays by type and length (their values follow from the seed)
     */
    static String describe(Object[] args) {
        StringBuilder b = new StringBuilder();
        for (Object a : args) {
            b.append(b.length() == 0 ? "" : ", ");
            if (a != null && a.getClass().isArray()) {
                b.append(a.getClass().getComponentType().getSimpleName()).append('[')
                        .append(Array.getLength(a)).append(']');
            } else {
                b.append(a);
            }
        }
        return b.toString();
    }

    private static int bound(String name, Case c, int cols, SplittableRandom r) {
        boolean past = c.variant() == Variant.BOUNDS;
        int size = c.size();
        return switch (name) {
            case "n" -> size / cols + (past ? 1 : 0);
            case "from" -> past ? -1 : Math.min(size, r.nextInt(3));
            case "to" -> past ? size + 1 : Math.max(0, size - r.nextInt(3));
            case "cols" -> cols;
            default -> throw new IllegalArgumentException("no rule for int parameter " + name);
        };
    }
}
