package dev.hotloop.agent.transform;

import dev.hotloop.agent.targets.Accumulator;
import dev.hotloop.agent.targets.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The target kernels of the tier-2 tests, with deterministic inputs for every size and variant:
 * how to call each one, and how many calls one invocation makes.
 */
final class KernelCases {

    private KernelCases() {
    }

    static final int[] SIZES = {0, 1, 2, 7, 8, 9, 15, 16, 17, 1000};

    /** What the inputs stress: ordinary values, IEEE and integer edge values, or misuse that throws. */
    enum Variant { FINITE, SPECIAL, MISUSE }

    // ---------------------------------------------------------------- inputs

    private static final float[] SPECIAL_FLOATS = {
        Float.NaN, Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000), -0.0f, 0.0f,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
        Float.MAX_VALUE, -Float.MAX_VALUE, 1e10f, -3e9f, 2.1474836E9f, 0.5f, -1.5f,
    };
    private static final double[] SPECIAL_DOUBLES = {
        Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L), -0.0, 0.0, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e-300,
    };
    private static final int[] SPECIAL_INTS = {Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1};
    private static final long[] SPECIAL_LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, -1, 0, 1};
    private static final String[] SPECIAL_STRINGS = {
        "", "0", "-0", "+7", "abc", "2147483647", "2147483648", "-2147483648", " 1", "\u0663\u0664", "1_000", "0x10",
        "éèê", "😀", "a\u0000b",
    };

    /** Deterministic inputs for one kernel, size and variant. */
    static final class Data {

        final int n;
        final Variant variant;
        private final Random random;

        Data(String kernel, int n, Variant variant) {
            this.n = n;
            this.variant = variant;
            this.random = new Random(Objects.hash(kernel, n, variant));
        }

        private boolean special() {
            return variant == Variant.SPECIAL && random.nextInt(3) == 0;
        }

        float f() {
            return special() ? SPECIAL_FLOATS[random.nextInt(SPECIAL_FLOATS.length)] : (random.nextFloat() - 0.5f) * 200;
        }

        float[] floats(int length) {
            float[] a = new float[length];
            for (int i = 0; i < length; i++) {
                a[i] = f();
            }
            return a;
        }

        double[] doubles(int length) {
            double[] a = new double[length];
            for (int i = 0; i < length; i++) {
                a[i] = special() ? SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)] : (random.nextDouble() - 0.5) * 1e6;
            }
            return a;
        }

        /** Full-range ints: sums overflow. */
        int[] ints(int length) {
            int[] a = new int[length];
            for (int i = 0; i < length; i++) {
                a[i] = special() ? SPECIAL_INTS[random.nextInt(SPECIAL_INTS.length)] : random.nextInt();
            }
            return a;
        }

        int[] smallInts(int length) {
            int[] a = new int[length];
            for (int i = 0; i < length; i++) {
                a[i] = special() ? SPECIAL_INTS[random.nextInt(SPECIAL_INTS.length)] : random.nextInt(20) - 10;
            }
            return a;
        }

        long[] longs(int length) {
            long[] a = new long[length];
            for (int i = 0; i < length; i++) {
                a[i] = special() ? SPECIAL_LONGS[random.nextInt(SPECIAL_LONGS.length)] : random.nextLong();
            }
            return a;
        }

        String[] strings(int length) {
            String[] a = new String[length];
            for (int i = 0; i < length; i++) {
                a[i] = special() ? SPECIAL_STRINGS[random.nextInt(SPECIAL_STRINGS.length)]
                        : Integer.toString(random.nextInt(2_000) - 1_000);
            }
            return a;
        }

        String[] words(int length) {
            String[] a = new String[length];
            for (int i = 0; i < length; i++) {
                a[i] = special() ? SPECIAL_STRINGS[random.nextInt(SPECIAL_STRINGS.length)] : "x".repeat(random.nextInt(8));
            }
            return a;
        }

        int pick(int[] a) {
            return a.length > 0 && random.nextBoolean() ? a[random.nextInt(a.length)] : Integer.MIN_VALUE + 7;
        }

        boolean misuse() {
            return variant == Variant.MISUSE;
        }

        /** For misuse: an output one element short (at least one for {@code n > 0}: the loop writes until it throws). */
        int shortLength() {
            return misuse() ? Math.max(0, n - 1 - n / 3) : n;
        }
    }

    // ---------------------------------------------------------------- kernels

    /**
     * One kernel under test.
     *
     * @param label    for test names
     * @param owner    its class, as compiled
     * @param method   its name
     * @param params   its parameter types
     * @param args     its arguments, from the data
     * @param ctorArgs for an instance method, the {@code Accumulator(float[], float)} arguments; else null
     * @param calls    how many calls one invocation makes, recursion included
     */
    record Kernel(String label, Class<?> owner, String method, Class<?>[] params, Function<Data, Object[]> args,
                  Function<Data, Object[]> ctorArgs, ToLongFunction<Object[]> calls) {

        @Override
        public String toString() {
            return label;
        }
    }

    private static Kernel of(String method, Class<?>[] params, Function<Data, Object[]> args) {
        return new Kernel(method, Kernels.class, method, params, args, null, a -> 1);
    }

    private static Class<?>[] types(Class<?>... t) {
        return t;
    }

    static List<Kernel> kernels() {
        List<Kernel> k = new ArrayList<>();
        k.add(of("dot", types(float[].class, float[].class),
                d -> new Object[] {d.floats(d.n), d.floats(d.misuse() ? d.shortLength() : d.n)}));
        k.add(of("sum", types(int[].class), d -> new Object[] {d.misuse() ? null : d.ints(d.n)}));
        k.add(of("select", types(float[].class, float.class, float[].class),
                d -> new Object[] {d.floats(d.n), d.f(), new float[d.shortLength()]}));
        k.add(of("indexOf", types(int[].class, int.class), d -> {
            int[] a = d.smallInts(d.n);
            return new Object[] {d.misuse() ? null : a, d.pick(a)};
        }));
        k.add(of("scaleInto", types(float[].class, float.class, float[].class),
                d -> new Object[] {d.floats(d.n), d.f(), d.floats(d.shortLength())}));
        k.add(of("sumSquares", types(double[].class), d -> new Object[] {d.misuse() ? null : d.doubles(d.n)}));
        k.add(of("parseAll", types(String[].class, int[].class), d -> {
            String[] s = d.strings(d.n);
            if (d.misuse() && d.n > 0) {
                s[d.n / 2] = null;
            }
            return new Object[] {s, new int[d.shortLength()]};
        }));
        k.add(of("matmul", types(float[].class, float[].class, float[].class, int.class), d -> {
            int m = (int) Math.sqrt(d.n);
            return new Object[] {d.floats(m * m), d.floats(m * m), new float[d.misuse() ? Math.max(0, m * m - 1) : m * m], m};
        }));
        k.add(new Kernel("sumRange", Kernels.class, "sumRange", types(int[].class, int.class, int.class),
                d -> new Object[] {d.ints(d.n), 0, d.misuse() ? d.n + 1 : d.n}, null,
                a -> sumRangeCalls((int) a[1], (int) a[2])));
        k.add(of("sumLong", types(long[].class), d -> new Object[] {d.misuse() ? null : d.longs(d.n)}));
        k.add(of("mean", types(double[].class), d -> new Object[] {d.misuse() ? null : d.doubles(d.n)}));
        k.add(of("fill", types(int[].class, int.class), d -> new Object[] {d.misuse() ? null : d.ints(d.n), d.pick(d.ints(1))}));
        k.add(of("scaled", types(float[].class, float.class), d -> new Object[] {d.misuse() ? null : d.floats(d.n), d.f()}));
        k.add(of("firstLonger", types(String[].class, int.class), d -> {
            String[] w = d.words(d.n);
            if (d.misuse() && d.n > 0) {
                w[d.n / 2] = null;
            }
            return new Object[] {w, d.misuse() ? 100 : 5};
        }));
        k.add(of("toInts", types(float[].class, int.class, int[].class),
                d -> new Object[] {d.floats(d.n), d.misuse() ? 0 : 3, new int[d.n]}));
        k.add(of("maxAbs", types(int[].class), d -> new Object[] {d.misuse() ? null : d.ints(d.n)}));
        k.add(new Kernel("Accumulator.weighted", Accumulator.class, "weighted", types(float[].class),
                d -> new Object[] {d.floats(d.n)},
                d -> new Object[] {d.floats(d.shortLength()), d.f()}, a -> 1));
        k.add(new Kernel("Accumulator.accumulate", Accumulator.class, "accumulate", types(double[].class),
                d -> new Object[] {d.misuse() ? null : d.doubles(d.n)},
                d -> new Object[] {new float[0], 0f}, a -> 1));
        return k;
    }

    /** The calls {@link Kernels#sumRange} makes on {@code [from, to)}. */
    static long sumRangeCalls(int from, int to) {
        if (to - from <= Kernels.LEAF) {
            return 1;
        }
        int mid = (from + to) >>> 1;
        return 1 + sumRangeCalls(from, mid) + sumRangeCalls(mid, to);
    }
}
