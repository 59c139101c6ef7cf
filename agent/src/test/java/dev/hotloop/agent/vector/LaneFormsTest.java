package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.vector.BitKernels;
import dev.hotloop.agent.transform.InstrumentingLoader;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link LaneForms} composition against the JDK method it stands for: each one-operation
 * kernel of {@link BitKernels} runs as javac compiled it (calling the JDK method) and as the agent
 * rewrote it, on the special values of its type (NaN with payloads and signs, zeros, infinities,
 * MIN/MAX, subnormals, powers of two, the 2^52/2^23 boundaries where rint stops rounding) followed
 * by 100,000 random ones, and every element must come out with the same bits. NaN results must
 * be NaN in both; their payloads are not compared, as the JIT may quiet a signalling NaN. On JDK 19
 * and later the five bit operations are the Vector API's own operators, so the JDK 17 run tests
 * their compositions and the JDK 25 run the operators.
 */
class LaneFormsTest {

    private static final int RANDOM = 100_000;
    private static InstrumentingLoader loader;

    @BeforeAll
    static void load() {
        loader = new InstrumentingLoader(AgentOptions.defaults());
    }

    static Stream<String> kernels() {
        return Stream.of("bitCountInt", "bitCountLong", "leadingZerosInt", "leadingZerosLong", "trailingZerosInt",
                "trailingZerosLong", "reverseInt", "reverseLong", "reverseBytesInt", "reverseBytesLong", "reverseBytesShort",
                "reverseBytesShortWidened", "reverseBytesChar", "reverseBytesCharWidened", "floorDouble", "ceilDouble",
                "rintDouble", "strictFloorCeilRint", "floorOfFloat", "signumFloat", "signumDouble", "copySignFloat",
                "copySignDouble", "strictCopySignDouble", "strictCopySignFloat");
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void laneFormIsTheJdkMethodOnSpecialAndRandomValues(String name) throws ReflectiveOperationException {
        Method original = Arrays.stream(BitKernels.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        Class<?>[] types = original.getParameterTypes();
        Method rewritten = Class.forName(BitKernels.class.getName(), true, loader).getMethod(name, types);
        SplittableRandom r = new SplittableRandom(name.hashCode());
        Object[] inputs = new Object[types.length - 1];
        for (int p = 0; p < inputs.length; p++) {
            inputs[p] = values(types[p].getComponentType(), r, p);
        }
        int n = Array.getLength(inputs[0]);
        Object expected = Array.newInstance(types[types.length - 1].getComponentType(), n);
        Object actual = Array.newInstance(types[types.length - 1].getComponentType(), n);
        original.invoke(null, args(inputs, expected));
        rewritten.invoke(null, args(inputs, actual));
        for (int i = 0; i < n; i++) {
            Object e = Array.get(expected, i);
            Object a = Array.get(actual, i);
            if (e instanceof Double d && d.isNaN() || e instanceof Float f && f.isNaN()) {
                assertTrue(a instanceof Double x && x.isNaN() || a instanceof Float y && y.isNaN(), at(name, inputs, i, e, a));
            } else {
                assertEquals(bits(e), bits(a), at(name, inputs, i, e, a));
            }
        }
    }

    private static Object[] args(Object[] inputs, Object out) {
        Object[] args = Arrays.copyOf(inputs, inputs.length + 1);
        args[inputs.length] = out;
        return args;
    }

    private static String at(String name, Object[] inputs, int i, Object e, Object a) {
        StringBuilder b = new StringBuilder(name).append("(");
        for (Object in : inputs) {
            Object v = Array.get(in, i);
            b.append(v).append(" = 0x").append(Long.toHexString(bits(v))).append(", ");
        }
        return b.append("): expected ").append(e).append(", got ").append(a).toString();
    }

    private static long bits(Object v) {
        if (v instanceof Double d) {
            return Double.doubleToRawLongBits(d);
        }
        if (v instanceof Float f) {
            return Float.floatToRawIntBits(f);
        }
        if (v instanceof Character c) {
            return c;
        }
        return ((Number) v).longValue();
    }

    /** @return the specials of the element type, then random values; {@code operand} 1 shifts them so pairs vary */
    private static Object values(Class<?> type, SplittableRandom r, int operand) {
        List<Object> specials = specials(type);
        int n = specials.size() * specials.size() + RANDOM; // every pair of specials for two operands
        Object out = Array.newInstance(type, n);
        for (int i = 0; i < specials.size() * specials.size(); i++) {
            Array.set(out, i, specials.get(operand == 0 ? i % specials.size() : i / specials.size()));
        }
        for (int i = specials.size() * specials.size(); i < n; i++) {
            Array.set(out, i, random(type, r));
        }
        return out;
    }

    private static List<Object> specials(Class<?> type) {
        List<Object> out = new ArrayList<>();
        if (type == double.class) {
            for (double d : new double[] {Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L), Double.longBitsToDouble(0xfff8000000000000L),
                Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0xfff0000000000001L), 0.0, -0.0,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
                -0.49999999999999994, 0.3, -0.3, 0.7, -0.7, 0x1p52, -0x1p52, 0x1p52 - 0.5, -0x1p52 + 0.5, 0x1p52 - 1.5,
                0x1p52 + 1, -0x1p52 - 1, 0x1p53, -0x1p53, 0x1p53 - 1, 0x1p53 + 2, 0x1p51 + 0.5, -0x1p51 - 0.5, 0x1p63, 1e300}) {
                out.add(d);
            }
        } else if (type == float.class) {
            for (float f : new float[] {Float.NaN, Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000),
                Float.intBitsToFloat(0x7f800001), Float.intBitsToFloat(0xff800001), 0f, -0f, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
                1, -1, 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 0.49999997f, -0.49999997f, 0.3f, -0.7f, 0x1p23f, -0x1p23f,
                0x1p23f - 0.5f, -0x1p23f + 0.5f, 0x1p23f + 1, 0x1p24f, -0x1p24f - 2, 0x1p22f + 0.5f, 0x1p31f, 1e30f}) {
                out.add(f);
            }
        } else if (type == long.class) {
            for (long v : new long[] {0, 1, -1, 2, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 1L << 31, 1L << 32,
                1L << 62, 0xff, 0xff00, 0x0102030405060708L, 0x5555555555555555L, 0xaaaaaaaaaaaaaaaaL, Integer.MIN_VALUE}) {
                out.add(v);
            }
        } else if (type == int.class) {
            for (int v : new int[] {0, 1, -1, 2, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, 1 << 16, 1 << 30,
                0xff, 0xff00, 0x01020304, 0x55555555, 0xaaaaaaaa, 0x80000001}) {
                out.add(v);
            }
        } else if (type == short.class) {
            for (short v : new short[] {0, 1, -1, 2, Short.MIN_VALUE, Short.MAX_VALUE, 0xff, (short) 0xff00, 0x0102, (short) 0x8001}) {
                out.add(v);
            }
        } else {
            for (char v : new char[] {0, 1, 0xffff, 2, 0x8000, 0x7fff, 0xff, 0xff00, 0x0102, 0x8001}) {
                out.add(v);
            }
        }
        return out;
    }

    private static Object random(Class<?> type, SplittableRandom r) {
        long bits = r.nextLong();
        if (type == double.class) {
            switch (r.nextInt(5)) {
                case 0: return Double.longBitsToDouble(bits);
                case 1: return (r.nextDouble() - 0.5) * 0x1p55;
                case 2: return (r.nextInt(-100, 100)) / 4.0;
                case 3: return (r.nextBoolean() ? 1 : -1) * (0x1p52 + r.nextInt(-8, 8) * 0.5);
                default: return (r.nextDouble() - 0.5) * 20;
            }
        }
        if (type == float.class) {
            switch (r.nextInt(5)) {
                case 0: return Float.intBitsToFloat((int) bits);
                case 1: return (float) ((r.nextDouble() - 0.5) * 0x1p26);
                case 2: return r.nextInt(-100, 100) / 4.0f;
                case 3: return (r.nextBoolean() ? 1 : -1) * (0x1p23f + r.nextInt(-8, 8) * 0.5f);
                default: return (float) ((r.nextDouble() - 0.5) * 20);
            }
        }
        if (r.nextInt(4) == 0) { // few bits set, or few clear: long runs of zeros to count
            bits = r.nextBoolean() ? bits & r.nextLong() & r.nextLong() : bits | r.nextLong() | r.nextLong();
            bits >>>= r.nextInt(64);
        }
        if (type == long.class) {
            return bits;
        }
        if (type == int.class) {
            return (int) bits;
        }
        return type == short.class ? (Object) (short) bits : (Object) (char) bits;
    }
}
