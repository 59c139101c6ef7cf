package dev.hotloop.it.apps;

import dev.hotloop.Parallel;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * End-to-end target for {@code @Parallel}: a map, a float reduction, a failing loop and, with the
 * argument {@code slow}, a loop long enough to print progress. Prints one line per result.
 */
public final class ParallelApp {

    private static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

    private ParallelApp() {
    }

    @Parallel
    static void map(double[] x, double[] out) {
        for (int i = 0; i < out.length; i++) { // loop:map
            out[i] = Math.sqrt(x[i]) * 3 + 1;
        }
    }

    @Parallel
    static double sum(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) { // loop:sum
            s += x[i];
        }
        return s;
    }

    @Parallel(grain = 100)
    static void failAt(int[] out, int bad) {
        for (int i = 0; i < out.length; i++) { // loop:failAt
            if (i >= bad) {
                throw new IllegalArgumentException("index " + i + " is past " + bad);
            }
            out[i] = i;
        }
    }

    @Parallel(grain = 1)
    static void slow(int[] out) {
        for (int i = 0; i < out.length; i++) { // loop:slow
            THREADS.add(Thread.currentThread().getName());
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out[i] = i;
        }
    }

    /**
     * @param args {@code slow} to run the loop that prints progress at {@code log=debug}
     */
    public static void main(String[] args) {
        double[] x = new double[2_000_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 1000) * 0.001 + 1e-7 * i;
        }
        double[] out = new double[x.length];
        map(x, out);
        System.out.println("map " + Arrays.hashCode(out));
        System.out.println("sum " + Long.toHexString(Double.doubleToRawLongBits(sum(x))));
        int[] filled = new int[100_000];
        try {
            failAt(filled, 54_321);
        } catch (IllegalArgumentException e) {
            System.out.println("failed " + e.getClass().getName() + ": " + e.getMessage() + ", first "
                    + Arrays.stream(filled, 0, 54_321).filter(v -> v == 0).count() + " zeros before it");
        }
        if (args.length > 0 && args[0].equals("slow")) {
            slow(new int[200]);
            System.out.println("threads " + THREADS.size());
        }
    }
}
