package sample;

import dev.hotloop.Parallel;
import dev.hotloop.Vectorize;

public final class Kernels {

    private Kernels() {
    }

    @Vectorize
    public static void scale(float[] a, float k) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= k;
        }
    }

    @Parallel
    public static void add(double[] x, double[] y, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] + y[i];
        }
    }
}
