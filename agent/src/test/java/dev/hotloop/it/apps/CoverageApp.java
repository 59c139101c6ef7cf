package dev.hotloop.it.apps;

import dev.hotloop.Parallel;
import dev.hotloop.Vectorize;

/**
 * Loops for the JaCoCo end-to-end test: coverage probes on every iteration's path, under a
 * condition some iterations take, under one no iteration takes, in an inlined method, in a
 * {@code @Parallel} loop, and a method never called. Runs each often enough for the tiered loops
 * to be measured.
 */
public final class CoverageApp {

    private CoverageApp() {
    }

    @Vectorize
    static void scale(float[] a, float k, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] * k;
        }
    }

    @Vectorize
    static int countPositive(int[] a) {
        int c = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 0) {
                c++;
            }
        }
        return c;
    }

    @Vectorize
    static void clampNegative(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = clamp(a[i]);
        }
    }

    private static int clamp(int v) {
        if (v < 0) {
            return 0;
        }
        return v;
    }

    @Vectorize
    static void resetHuge(int[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 1_000_000) {
                a[i] = 0;
            }
        }
    }

    @Parallel
    static void square(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * a[i];
        }
    }

    static int neverCalled(int x) {
        return x > 0 ? x : -x;
    }

    public static void main(String[] args) {
        int n = 1003;
        float[] f = new float[n];
        int[] a = new int[n];
        double[] d = new double[20_000];
        for (int i = 0; i < n; i++) {
            f[i] = i * 0.5f;
            a[i] = i % 7 == 0 ? -i : i - 500;
        }
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        float[] fo = new float[n];
        int[] ao = new int[n];
        double[] dout = new double[d.length];
        long check = 0;
        for (int round = 0; round < 3000; round++) {
            scale(f, 1.5f, fo);
            check += countPositive(a);
            clampNegative(a, ao);
            resetHuge(a);
            check += ao[round % n] + Float.floatToIntBits(fo[round % n]);
        }
        square(d, dout);
        System.out.println("check " + check + " " + dout[d.length - 1]);
    }
}
