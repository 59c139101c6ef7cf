package dev.hotloop.spark.sample;

import dev.hotloop.Parallel;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The application the cluster test runs, with and without the agent: Mandelbrot pixels into an
 * {@code int[]}, a Monte Carlo estimate (a double sum and an int count), a loop that throws from
 * one iteration, and, with the arguments {@code slow MILLIS}, a loop of 32 chunks of that many
 * milliseconds each, long enough to lose a worker in.
 * It prints one line per result, with a SHA-256 of every written array, so runs compare bit for bit.
 */
public final class ClusterSample {

    private ClusterSample() {
    }

    public static void main(String[] args) throws Exception {
        int w = 240;
        int h = 160;
        int[] pixels = new int[w * h];
        mandelbrot(pixels, w, h, 400);
        System.out.println("mandelbrot " + sha(pixels));

        double[] result = new double[2];
        monteCarlo(42L, 400_000, result);
        System.out.println("montecarlo sum=" + Long.toHexString(Double.doubleToRawLongBits(result[0]))
                + " hits=" + (long) result[1]);

        int[] squares = new int[5_000];
        try {
            squares(squares, 3_217);
            System.out.println("failing returned normally");
        } catch (RuntimeException e) {
            System.out.println("failing " + e.getClass().getName() + ": " + e.getMessage() + " array " + sha(squares));
        }

        if (args.length > 1 && args[0].equals("slow")) {
            long[] slow = new long[32];
            slowly(slow, Integer.parseInt(args[1]));
            System.out.println("slow " + sha(slow));
        }
    }

    /** Escape counts of a {@code w x h} grid over [-2, 1] x [-1, 1], one pixel per iteration. */
    static void mandelbrot(int[] out, int w, int h, int maxIter) {
        for (@Parallel(cluster = true, grain = 512) int p = 0; p < out.length; p++) {
            double cx = -2.0 + 3.0 * (p % w) / w;
            double cy = -1.0 + 2.0 * (p / w) / h;
            double x = 0;
            double y = 0;
            int n = 0;
            while (n < maxIter && x * x + y * y <= 4.0) {
                double t = x * x - y * y + cx;
                y = 2 * x * y + cy;
                x = t;
                n++;
            }
            out[p] = n;
        }
    }

    /** Sums f over n pseudo-random points (a hash of the seed and the index) and counts those in the unit circle. */
    static void monteCarlo(long seed, int n, double[] result) {
        double sum = 0;
        int hits = 0;
        for (@Parallel(cluster = true, grain = 4096) int i = 0; i < n; i++) {
            double x = unit(mix(seed + 2L * i));
            double y = unit(mix(seed + 2L * i + 1));
            sum += Math.sqrt(x * x + y * y) * 1.0e-3;
            hits += x * x + y * y <= 1.0 ? 1 : 0;
        }
        result[0] = sum;
        result[1] = hits;
    }

    /** Writes i*i until iteration {@code bad}, which throws. */
    static void squares(int[] out, int bad) {
        for (@Parallel(cluster = true, grain = 256) int i = 0; i < out.length; i++) {
            if (i == bad) {
                throw new IllegalArgumentException("iteration " + i + " has no square");
            }
            out[i] = i * i;
        }
    }

    /** Iterations that take {@code millis} each, one per chunk, and write a value of their index. */
    static void slowly(long[] out, int millis) throws InterruptedException {
        for (@Parallel(cluster = true, grain = 1) int i = 0; i < out.length; i++) {
            pause(millis);
            out[i] = mix(i);
        }
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    static String sha(int[] a) throws NoSuchAlgorithmException {
        ByteBuffer b = ByteBuffer.allocate(a.length * 4);
        b.asIntBuffer().put(a);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }

    static String sha(long[] a) throws NoSuchAlgorithmException {
        ByteBuffer b = ByteBuffer.allocate(a.length * 8);
        b.asLongBuffer().put(a);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }
}
