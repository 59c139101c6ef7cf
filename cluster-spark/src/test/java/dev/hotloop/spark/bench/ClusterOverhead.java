package dev.hotloop.spark.bench;

import dev.hotloop.Parallel;
import java.util.Arrays;
import java.util.Locale;

/**
 * The loop the overhead figures come from: {@code n} iterations of {@code work} dependent
 * multiply-adds each, written to a {@code double[n]}, one chunk per iteration up to 1024 chunks. Run it with the agent, once on the
 * local pool and once with {@code cluster=...}; it prints the median time of a call.
 */
public final class ClusterOverhead {

    private ClusterOverhead() {
    }

    public static void main(String[] args) {
        int[][] cases = {{64, 1}, {65_536, 1}, {1_048_576, 1}, {4_096, 10_000}, {4_096, 100_000}};
        for (int[] c : cases) {
            double[] out = new double[c[0]];
            int calls = c[1] >= 1_000_000 ? 3 : 7;
            long[] times = new long[calls];
            loop(out, c[1]);
            for (int k = 0; k < calls; k++) {
                long t = System.nanoTime();
                loop(out, c[1]);
                times[k] = System.nanoTime() - t;
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "n=%d work=%d median=%.2f ms check=%s%n", c[0], c[1], times[calls / 2] / 1e6,
                    Double.toHexString(out[out.length - 1]));
        }
    }

    static void loop(double[] out, int work) {
        for (@Parallel(cluster = true, grain = 1) int i = 0; i < out.length; i++) {
            double x = i;
            for (int k = 0; k < work; k++) {
                x = x * 0.999999 + 1.0;
            }
            out[i] = x;
        }
    }
}
