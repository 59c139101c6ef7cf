package dev.hotloop.demo;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Times a kernel call the way Numba's guide does: once cold, then in steady state. Uses
 * {@link System#nanoTime()}: one first call, {@code warmups} calls that are not measured (so that
 * the JIT compiles the kernel), then the median of {@code runs} measured calls, which ignores the
 * odd call slowed by garbage collection or by the machine.
 */
final class Timing {

    /** Keeps every result reachable so that the JIT cannot drop a call whose result is unused. */
    private static volatile Object sink;

    private final int warmups;
    private final int runs;

    /**
     * Creates a timer.
     *
     * @param warmups the number of unmeasured calls after the first
     * @param runs the number of measured calls, at least 1
     */
    Timing(int warmups, int runs) {
        if (warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("warmups " + warmups + " and runs " + runs);
        }
        this.warmups = warmups;
        this.runs = runs;
    }

    /**
     * Calls {@code call} {@code 1 + warmups + runs} times and returns the timings.
     *
     * @param call the kernel call, on inputs prepared beforehand
     * @param <T> the type of the result
     * @return the first-call time, the median steady-state time and the last result
     */
    <T> Measurement<T> measure(Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        long first = System.nanoTime() - start;
        sink = result;
        for (int i = 0; i < warmups; i++) {
            sink = call.get();
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            start = System.nanoTime();
            result = call.get();
            times[i] = System.nanoTime() - start;
            sink = result;
        }
        return new Measurement<>(first, median(times), result);
    }

    /**
     * Returns the median, the mean of the two middle values when the count is even.
     *
     * @param times the values, reordered by this call
     * @return their median
     */
    static long median(long[] times) {
        Arrays.sort(times);
        int mid = times.length / 2;
        return times.length % 2 == 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
    }
}
