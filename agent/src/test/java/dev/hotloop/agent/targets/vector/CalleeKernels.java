package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/** Calls to small static methods whose bodies obey the loop rules: inlined into the vector loop. */
public final class CalleeKernels {

    private static int calls;

    private CalleeKernels() {
    }

    private static float square(float x) {
        return x * x;
    }

    private static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : x > hi ? hi : x;
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    private static int mix(int x) {
        return twice(x) ^ x >>> 3;
    }

    private static int twice(int x) {
        return x << 1;
    }

    private static byte saturate(int x) {
        if (x > Byte.MAX_VALUE) {
            return Byte.MAX_VALUE;
        }
        if (x < Byte.MIN_VALUE) {
            return Byte.MIN_VALUE;
        }
        return (byte) x;
    }

    private static long widen(int x) {
        return (long) x * x;
    }

    private static float counted(float x) {
        calls++;
        return x + 1;
    }

    private static int factorial(int x) {
        return x <= 1 ? 1 : x * factorial(x - 1);
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void squares(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:squares
            out[i] = square(a[i]) - square(a[i] - 1);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void clampAll(double[] a, double lo, double hi, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:clampAll
            out[i] = clamp(a[i], lo, hi);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void lerpAll(float[] a, float[] b, float t, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:lerpAll
            out[i] = lerp(a[i], b[i], t);
        }
    }

    /** A callee that calls another small static method. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void mixAll(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:mixAll
            out[i] = mix(a[i]);
        }
    }

    /** A callee with early returns, which become blends. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD byte")
    public static void saturateAll(byte[] a, byte[] b, byte[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:saturateAll
            out[i] = saturate(a[i] + b[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"reduction +"})
    public static long sumWidened(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumWidened
            s += widen(a[i]);
        }
        return s;
    }

    /** The callee writes a static field: a side effect the vector loop cannot repeat. */
    @Vectorize
    @Expect(rewritten = false)
    public static void countedCalls(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:countedCalls
            out[i] = counted(a[i]);
        }
    }

    /** A recursive callee cannot be inlined. */
    @Vectorize
    @Expect(rewritten = false)
    public static void factorials(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:factorials
            out[i] = factorial(a[i] & 7);
        }
    }
}
