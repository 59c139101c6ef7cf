package dev.hotloop.it.apps;

import dev.hotloop.Vectorize;
import java.util.Arrays;

/**
 * SIMD kernels for the end-to-end test: a strict select, a strict int sum, a fastMath dot, a loop
 * that must stay scalar, and a call whose index runs past the array. Prints every result (bits of
 * the floats), so runs with and without the agent can be compared line for line.
 */
public final class SimdApp {

    private SimdApp() {
    }

    @Vectorize
    static void select(float[] a, float[] b, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > b[i] ? a[i] * 2f : b[i] - a[i];
        }
    }

    @Vectorize
    static int sum(int[] a, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i];
        }
        return s;
    }

    @Vectorize(fastMath = true)
    static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Vectorize
    static void prefix(long[] a) {
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i - 1] + a[i];
        }
    }

    public static void main(String[] args) {
        int n = 1003;
        float[] a = new float[n];
        float[] b = new float[n];
        int[] k = new int[n];
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = i % 7 == 0 ? Float.NaN : (i * 37 % 101) / 7f - 5;
            b[i] = i % 11 == 0 ? -0.0f : (i * 53 % 97) / 9f - 4;
            k[i] = i * 1_000_003;
            p[i] = i;
        }
        float[] out = new float[n];
        for (int rep = 0; rep < 20_000; rep++) { // long enough for C2 to compile the SIMD code
            select(a, b, out);
        }
        StringBuilder bits = new StringBuilder();
        for (float f : out) {
            bits.append(Integer.toHexString(Float.floatToRawIntBits(Float.isNaN(f) ? Float.NaN : f))).append(' ');
        }
        System.out.println("select " + bits.toString().hashCode());
        int s = 0;
        for (int rep = 0; rep < 20_000; rep++) {
            s = sum(k, n);
        }
        System.out.println("sum " + s);
        System.out.println("dot " + String.format("%.4g", dot(b, b))); // fastMath: equal to 4 digits
        prefix(p);
        System.out.println("prefix " + p[n - 1]);
        int[] shortArray = Arrays.copyOf(k, 100);
        try {
            sum(shortArray, 160);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("sum past the end: " + e.getMessage());
        }
    }
}
