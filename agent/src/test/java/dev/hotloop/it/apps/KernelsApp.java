package dev.hotloop.it.apps;

import dev.hotloop.Parallel;
import dev.hotloop.Vectorize;
import java.util.Locale;

/**
 * End-to-end target: annotated methods of every form (method-level and on the loop index, both
 * annotations, a nest, a refused loop, a method never called), each called a known number of
 * times, and a deterministic printout of the results.
 *
 * <p>A comment {@code // loop:NAME} marks the source line the agent must report for a loop; the
 * tests read these markers from this file, so the file can be edited freely.
 */
public final class KernelsApp {

    public static final int SCALE_CALLS = 3;
    public static final int DOT_CALLS = 5;
    public static final int ADD_CALLS = 4;
    public static final int MUL_CALLS = 4;
    public static final int PREFIX_CALLS = 1;

    private static final int N = 64;

    private KernelsApp() {
    }

    @Vectorize
    static void scale(float[] a, float k) {
        for (int i = 0; i < a.length; i++) { // loop:scale
            a[i] *= k;
        }
    }

    static float dot(float[] a, float[] b) {
        float s = 0;
        for (@Vectorize(fastMath = true) int i = 0; i < a.length; i++) { // loop:dot
            s += a[i] * b[i];
        }
        return s;
    }

    @Parallel
    static void add(double[] x, double[] y, double[] out) {
        for (int i = 0; i < out.length; i++) { // loop:add
            out[i] = x[i] + y[i];
        }
    }

    @Parallel(threads = 2)
    static void mul(double[] a, double[] b, double[] c, int n) {
        for (int i = 0; i < n; i++) { // loop:mul.outer
            for (@Vectorize int j = 0; j < n; j++) { // loop:mul.inner
                c[i * n + j] = a[i * n + j] * b[j];
            }
        }
    }

    @Vectorize
    static void prefix(long[] a) {
        for (int i = 1; i < a.length; i++) { // loop:prefix
            a[i] += a[i - 1];
        }
    }

    @Vectorize
    static int neverCalled(int[] a) {
        int m = 0;
        for (int i = 0; i < a.length; i++) { // loop:neverCalled
            m = Math.max(m, a[i]);
        }
        return m;
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        float[] f = new float[N];
        float[] g = new float[N];
        for (int i = 0; i < N; i++) {
            f[i] = i * 0.25f - 3;
            g[i] = (i % 7) * 1.5f;
        }
        for (int c = 0; c < SCALE_CALLS; c++) {
            scale(f, 1.5f);
        }
        float d = 0;
        for (int c = 0; c < DOT_CALLS; c++) {
            d += dot(f, g);
        }
        double[] x = new double[N];
        double[] y = new double[N];
        double[] sum = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Math.sqrt(i);
            y[i] = 1.0 / (i + 1);
        }
        for (int c = 0; c < ADD_CALLS; c++) {
            if (c % 2 == 0) {
                add(x, y, sum);
            } else {
                add(sum, y, x);
            }
        }
        int n = 8;
        double[] m = new double[n * n];
        double[] v = new double[n];
        double[] out = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            m[i] = i % 5 - 2.5;
        }
        for (int j = 0; j < n; j++) {
            v[j] = j + 0.5;
        }
        for (int c = 0; c < MUL_CALLS; c++) {
            mul(m, v, out, n);
        }
        long[] p = new long[N];
        for (int i = 0; i < N; i++) {
            p[i] = i * 3L - 7;
        }
        for (int c = 0; c < PREFIX_CALLS; c++) {
            prefix(p);
        }
        System.out.println("scale " + bits(f));
        System.out.println(String.format(Locale.ROOT, "dot %s %08x", d, Float.floatToRawIntBits(d)));
        System.out.println("add " + bits(x) + " " + bits(sum));
        System.out.println("mul " + bits(out));
        System.out.println("prefix " + p[N - 1] + " " + p[N / 2]);
    }

    private static String bits(float[] a) {
        int h = 1;
        for (float v : a) {
            h = 31 * h + Float.floatToRawIntBits(v);
        }
        return String.format(Locale.ROOT, "%08x", h);
    }

    private static String bits(double[] a) {
        long h = 1;
        for (double v : a) {
            h = 31 * h + Double.doubleToRawLongBits(v);
        }
        return String.format(Locale.ROOT, "%016x", h);
    }
}
