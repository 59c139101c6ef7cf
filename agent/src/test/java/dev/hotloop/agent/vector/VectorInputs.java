package dev.hotloop.agent.vector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic arguments for one kernel, size and {@link InputVariant}, derived from the kernel's
 * parameter names and types as the target package describes: {@code n} (every array has that
 * length, or {@code ROWS * n} with a {@code rows} parameter), {@code last}, {@code rows},
 * {@code from}/{@code to}, {@code off}, {@code step}, {@code keys}; any other parameter is a
 * value of its type.
 */
final class VectorInputs {

    /** Rows of the matrices of kernels with a {@code rows} parameter. */
    static final int ROWS = 3;

    /** The parameters that {@link InputVariant#OVERRUN} moves past the arrays. */
    private static final Set<String> OVERRUN_ROLES = Set.of("n", "last", "rows", "from", "to", "off", "keys");

    /** Offsets into the same array: none, below, at and above every lane count up to 64. */
    private static final int[] OFFSETS = {0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65};

    private static final float[] SPECIAL_FLOATS = {
        Float.NaN, Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001),
        -0.0f, 0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL, 1e-40f, Float.MAX_VALUE, -Float.MAX_VALUE, 1e10f, -3e9f, 2.1474836E9f, 2.1474839E9f,
        9.223372E18f, -9.223373E18f, 0.5f, -1.5f, 2.5f, 65504f, 32767.5f, 128.5f, -129f, 16777217f,
        0x1p23f - 0.5f, -0x1p23f, 0x1p23f + 1, 0.49999997f, -0.7f,
    };
    private static final double[] SPECIAL_DOUBLES = {
        Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L), Double.longBitsToDouble(0xfff8000000000000L),
        Double.longBitsToDouble(0x7ff0000000000001L), -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e-300,
        2147483647.5, -2147483648.5, 9.223372036854776E18, 3.4028235677973366E38, 1.401298464324817E-45, 7e-46,
        0.5, -1.5, 2.5,
        0x1p52 - 0.5, -0x1p52 + 1.5, 0x1p52, 0x1p52 + 1, -0x1p53 - 2, 0.49999999999999994, -0.3, -0.7,
    };
    /** For fastMath kernels: no huge finite values, whose overflow depends on the order of operations. */
    private static final double[] FAST_SPECIALS = {
        Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L), -0.0, 0.0, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MIN_NORMAL, 1, -1, 0.5, -2.5, 1e-3,
    };
    private static final int[] SPECIAL_INTS = {
        Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, 31, 32, 33, 63, 64, 65535, -32769, 128, -129,
        (1 << 24) + 1,
    };
    private static final long[] SPECIAL_LONGS = {
        Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, 63, 64, Integer.MAX_VALUE + 1L,
        Integer.MIN_VALUE - 1L, (1L << 53) + 1, (1L << 24) + 1,
    };
    private static final short[] SPECIAL_SHORTS = {Short.MIN_VALUE, Short.MAX_VALUE, -1, 0, 1, 255, -256, 0x4000};
    private static final byte[] SPECIAL_BYTES = {Byte.MIN_VALUE, Byte.MAX_VALUE, -1, 0, 1, 0x40};
    /** Both ends of the range and both sides of 0x8000, where sign and zero extension differ. */
    private static final char[] SPECIAL_CHARS = {'\u0000', '\u0001', '\u7fff', '\u8000', '\uffff', 'ß', 'ÿ', 'µ', 'ǅ', '\ud800', 'a'};

    private final VectorKernel kernel;
    private final int n;
    private final InputVariant variant;
    private final Random random;

    /**
     * @param kernel  the kernel to feed
     * @param n       the size
     * @param variant what the inputs stress
     */
    VectorInputs(VectorKernel kernel, int n, InputVariant variant) {
        this.kernel = kernel;
        this.n = n;
        this.variant = variant;
        this.random = new Random(Objects.hash(kernel.toString(), n, variant.name())); // an enum hashes by identity
    }

    /**
     * @return the arguments, or null where the variant does not apply to the kernel (no array to
     *     null or shorten, no count or range to overrun)
     */
    Object[] args() {
        Class<?>[] types = kernel.method().getParameterTypes();
        List<String> names = kernel.paramNames();
        List<Integer> arrays = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            if (types[i].isArray()) {
                arrays.add(i);
            }
        }
        boolean targetsOneArray = variant == InputVariant.NULL_ARRAY || variant == InputVariant.SHORT_ARRAY;
        if (targetsOneArray && arrays.isEmpty() || overrun() && names.stream().noneMatch(OVERRUN_ROLES::contains)) {
            return null;
        }
        int victim = targetsOneArray ? arrays.get(random.nextInt(arrays.size())) : -1;
        int length = names.contains("rows") ? ROWS * n : n;
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i].isArray()) {
                int len = variant == InputVariant.SHORT_ARRAY && i == victim ? Math.max(0, length - 1 - length / 3) : length;
                args[i] = names.get(i).equals("keys") ? keys(len, length) : array(types[i].getComponentType(), len);
                if (variant == InputVariant.NULL_ARRAY && i == victim) {
                    args[i] = null;
                }
            } else {
                args[i] = scalar(names.get(i), types[i]);
            }
        }
        if (variant == InputVariant.SAME_ARRAY) {
            shareArraysOfOneType(args, arrays);
        }
        return args;
    }

    private static void shareArraysOfOneType(Object[] args, List<Integer> arrays) {
        Map<Class<?>, Object> first = new HashMap<>();
        for (int i : arrays) {
            args[i] = first.computeIfAbsent(args[i].getClass(), c -> args[i]);
        }
    }

    private boolean overrun() {
        return variant == InputVariant.OVERRUN;
    }

    private Object scalar(String name, Class<?> type) {
        if (type == int.class) {
            switch (name) {
                case "n":
                    return overrun() ? n + 1 : n;
                case "last":
                    return overrun() ? n : n - 1;
                case "rows":
                    return overrun() ? ROWS + 1 : ROWS;
                case "from":
                    return overrun() && n % 2 == 1 ? -1 : n / 4;
                case "to":
                    return overrun() && n % 2 == 0 ? n + 1 : n - n / 8;
                case "off":
                    return overrun() ? -1 : OFFSETS[random.nextInt(OFFSETS.length)];
                case "step":
                    return 1 + random.nextInt(3);
                default:
                    return anInt();
            }
        }
        return value(type);
    }

    private Object value(Class<?> type) {
        if (type == float.class) {
            return aFloat();
        } else if (type == double.class) {
            return aDouble();
        } else if (type == long.class) {
            return aLong();
        } else if (type == short.class) {
            return aShort();
        } else if (type == byte.class) {
            return aByte();
        } else if (type == char.class) {
            return aChar();
        } else if (type == int.class) {
            return anInt();
        }
        throw new IllegalArgumentException(kernel + ": no inputs for a parameter of type " + type);
    }

    private Object array(Class<?> element, int length) {
        if (element == float.class) {
            float[] a = new float[length];
            for (int i = 0; i < length; i++) {
                a[i] = aFloat();
            }
            return a;
        } else if (element == double.class) {
            double[] a = new double[length];
            for (int i = 0; i < length; i++) {
                a[i] = aDouble();
            }
            return a;
        } else if (element == int.class) {
            int[] a = new int[length];
            for (int i = 0; i < length; i++) {
                a[i] = anInt();
            }
            return a;
        } else if (element == long.class) {
            long[] a = new long[length];
            for (int i = 0; i < length; i++) {
                a[i] = aLong();
            }
            return a;
        } else if (element == short.class) {
            short[] a = new short[length];
            for (int i = 0; i < length; i++) {
                a[i] = aShort();
            }
            return a;
        } else if (element == byte.class) {
            byte[] a = new byte[length];
            for (int i = 0; i < length; i++) {
                a[i] = aByte();
            }
            return a;
        } else if (element == boolean.class) {
            boolean[] a = new boolean[length];
            for (int i = 0; i < length; i++) {
                a[i] = random.nextBoolean();
            }
            return a;
        } else if (element == char.class) {
            char[] a = new char[length];
            for (int i = 0; i < length; i++) {
                a[i] = aChar();
            }
            return a;
        }
        throw new IllegalArgumentException(kernel + ": no inputs for an array of " + element);
    }

    /** Indexes into arrays of {@code bound} elements; with {@link InputVariant#OVERRUN}, the last one is out of bounds. */
    private int[] keys(int length, int bound) {
        int[] a = new int[length];
        for (int i = 0; i < length; i++) {
            a[i] = random.nextInt(Math.max(1, bound));
        }
        if (overrun() && length > 0) {
            a[length - 1] = bound;
        }
        return a;
    }

    private boolean special() {
        return variant != InputVariant.FINITE && random.nextInt(3) == 0;
    }

    private float aFloat() {
        if (kernel.fastMath()) {
            return (float) fastValue();
        }
        return special() ? SPECIAL_FLOATS[random.nextInt(SPECIAL_FLOATS.length)] : (random.nextFloat() - 0.5f) * 200;
    }

    private double aDouble() {
        if (kernel.fastMath()) {
            return fastValue();
        }
        return special() ? SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)] : (random.nextDouble() - 0.5) * 1e6;
    }

    /** Values where math functions are neither flat nor overflowing: half in [-1, 1], half in [-20, 20]. */
    private double fastValue() {
        if (special()) {
            return FAST_SPECIALS[random.nextInt(FAST_SPECIALS.length)];
        }
        return (random.nextDouble() - 0.5) * (random.nextBoolean() ? 2 : 40);
    }

    private int anInt() {
        return special() ? SPECIAL_INTS[random.nextInt(SPECIAL_INTS.length)] : random.nextInt();
    }

    private long aLong() {
        return special() ? SPECIAL_LONGS[random.nextInt(SPECIAL_LONGS.length)] : random.nextLong();
    }

    private short aShort() {
        return special() ? SPECIAL_SHORTS[random.nextInt(SPECIAL_SHORTS.length)] : (short) random.nextInt();
    }

    private byte aByte() {
        return special() ? SPECIAL_BYTES[random.nextInt(SPECIAL_BYTES.length)] : (byte) random.nextInt();
    }

    private char aChar() {
        if (special()) {
            return SPECIAL_CHARS[random.nextInt(SPECIAL_CHARS.length)];
        }
        return random.nextBoolean() ? (char) ('a' + random.nextInt(26)) : (char) random.nextInt(0x10000);
    }
}
