package dev.hotloop.it.apps;

import dev.hotloop.Parallel;
import dev.hotloop.Vectorize;

/**
 * A class with a {@code @Parallel} and a {@code @Vectorize} method, whose rewrites add methods and
 * fields; another agent (a profiler, Mockito) retransforms it. Not final, and with instance
 * methods, so that Mockito can spy on it.
 */
public class Retransformed {

    @Parallel(grain = 64)
    public long sumSquares(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (long) a[i] * a[i];
        }
        return s;
    }

    @Vectorize
    public void scale(float[] a, float k) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= k;
        }
    }

    /** @return one line with both results for the inputs every run uses */
    public String results() {
        int[] a = new int[10_000];
        float[] f = new float[1_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 97;
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = i * 0.5f;
        }
        scale(f, 3f);
        double fs = 0;
        for (float x : f) {
            fs += x;
        }
        return "sumSquares " + sumSquares(a) + " scale " + fs;
    }
}
