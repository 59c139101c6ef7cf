package dev.hotloop.reliability;

import java.lang.reflect.Array;
import java.util.SplittableRandom;

/**
 * Random and edge values of each primitive type: NaNs with payloads and sign bits, signed zeros,
 * infinities, subnormals, extremes, values whose casts overflow, shift distances at the word size.
 */
final class Values {

    private static final float[] FLOATS = {
        Float.intBitsToFloat(0x7fc00000), Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000),
        Float.intBitsToFloat(0x7f800001), Float.intBitsToFloat(0xff812345), -0.0f, 0.0f,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE,
        -Float.MAX_VALUE, Float.MIN_NORMAL, 1f, -1f, 0.5f, 16777217f, 3.0e9f, -3.0e9f, 1e20f,
    };
    private static final double[] DOUBLES = {
        Double.longBitsToDouble(0x7ff8000000000000L), Double.longBitsToDouble(0x7ff8000000000001L),
        Double.longBitsToDouble(0xfff8000000000000L), Double.longBitsToDouble(0x7ff0000000000001L), -0.0, 0.0,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, -1.0, 0.5, 9.007199254740993E15, 1e19, -1e19, 3.4028235677973366E38,
    };
    private static final long[] LONGS = {
        Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, Integer.MIN_VALUE,
        Integer.MAX_VALUE, 0x5555555555555555L, 31, 32, 63, 64, -64, 1L << 53,
    };
    private static final int[] INTS = {
        Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1, 0x55555555,
        31, 32, 63, 64, -32, Short.MIN_VALUE, Short.MAX_VALUE, Byte.MIN_VALUE, 255, 65535,
    };

    private Values() {
    }

    static Object array(Class<?> type, int length, boolean special, SplittableRandom r) {
        Class<?> e = type.getComponentType();
        Object a = Array.newInstance(e, length);
        int mode = r.nextInt(4);
        for (int i = 0; i < length; i++) {
            Array.set(a, i, element(e, special && r.nextBoolean(), mode, length, r));
        }
        return a;
    }

    static Object scalar(Class<?> t, boolean special, SplittableRandom r) {
        return element(t, special && r.nextInt(3) > 0, r.nextInt(4), 16, r);
    }

    /**
     * @param mode for integers: 0 and 1 small, 2 a valid index into an array of {@code length}, 3 any
     */
    private static Object element(Class<?> t, boolean edge, int mode, int length, SplittableRandom r) {
        if (t == boolean.class) { // only from Ty.BOOL_SEEDS on: the draws of other types stay as they were
            return bool(mode, r);
        }
        if (t == float.class) {
            return edge ? FLOATS[r.nextInt(FLOATS.length)] : (float) randomReal(mode, r);
        }
        if (t == double.class) {
            return edge ? DOUBLES[r.nextInt(DOUBLES.length)] : randomReal(mode, r);
        }
        long v = edge ? (r.nextBoolean() ? LONGS[r.nextInt(LONGS.length)] : INTS[r.nextInt(INTS.length)])
                : mode <= 1 ? r.nextInt(-4, 41) : mode == 2 ? r.nextInt(Math.max(1, length)) : r.nextLong();
        if (t == long.class) {
            return v;
        }
        if (t == int.class) {
            return (int) v;
        }
        if (t == short.class) {
            return (short) v;
        }
        if (t == char.class) {
            return (char) v;
        }
        return (byte) v;
    }

    /** @return a random boolean, or for an array of mode 1 or 2 mostly one value (whole vectors of true or of false) */
    private static boolean bool(int mode, SplittableRandom r) {
        return switch (mode) {
            case 1 -> r.nextInt(16) != 0;
            case 2 -> r.nextInt(16) == 0;
            default -> r.nextBoolean();
        };
    }

    private static double randomReal(int mode, SplittableRandom r) {
        return switch (mode) {
            case 0 -> r.nextInt(-16, 17) / 4.0;
            case 1 -> r.nextDouble(-100, 100);
            case 2 -> r.nextDouble(0, 2);
            default -> r.nextDouble(-1e6, 1e6) * Math.pow(2, r.nextInt(-40, 41));
        };
    }
}
