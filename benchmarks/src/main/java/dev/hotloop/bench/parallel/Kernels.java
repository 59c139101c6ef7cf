package dev.hotloop.bench.parallel;

import dev.hotloop.Parallel;
import java.util.List;

/**
 * The {@code @Parallel} loops the benchmarks time. Without the agent they are the plain loops;
 * in a fork started with {@code -javaagent:hotloop-agent.jar} they are the rewritten ones.
 */
final class Kernels {

    private Kernels() {
    }

    /** Compute bound: the escape time of each pixel, one image row per outer iteration. */
    @Parallel
    static void mandelbrot(int[] out, int width, int height, int maxIter) {
        for (int row = 0; row < height; row++) {
            mandelbrotRow(out, row, width, height, maxIter);
        }
    }

    static void mandelbrotRow(int[] out, int row, int width, int height, int maxIter) {
        double ci = 2.0 * row / height - 1.0;
        for (int col = 0; col < width; col++) {
            double cr = 3.0 * col / width - 2.0;
            double zr = 0;
            double zi = 0;
            int n = 0;
            while (n < maxIter && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                n++;
            }
            out[row * width + col] = n;
        }
    }

    /** Memory bound: one multiply-add per element read. */
    @Parallel
    static void axpy(double[] x, double[] y, double k, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = k * x[i] + y[i];
        }
    }

    /** A reduction: the sum of squares. */
    @Parallel
    static double sumOfSquares(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
        }
        return s;
    }

    /** A list of objects with a costly function of each. */
    @Parallel
    static double totalScore(List<Item> items) {
        double total = 0;
        for (Item item : items) {
            total += item.score();
        }
        return total;
    }

    /** 100 cheap iterations: must not get slower than the plain loop. */
    @Parallel
    static int smallSum(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    /** An object whose score costs a few microseconds of arithmetic. */
    record Item(double seed) {

        double score() {
            double v = seed;
            for (int k = 0; k < 2_000; k++) {
                v = Math.sin(v) * 0.9 + Math.sqrt(k + v * v);
            }
            return v;
        }
    }
}
