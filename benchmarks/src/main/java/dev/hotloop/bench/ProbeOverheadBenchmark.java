package dev.hotloop.bench;

import dev.hotloop.runtime.Timings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the timing probes cost a small hot method. {@code plain} is the kernel as written;
 * {@code probed} is the same kernel with exactly the code {@code TimingInjector} adds around an
 * annotated method's body: on the thread that called it first, its counter in {@code Timings.calls}
 * incremented and, on the first call and one in {@code Timings.SAMPLE_EVERY},
 * {@code Timings.start(call, id)} for a token; on other threads {@code Timings.enterShared(id)}; then
 * {@code Timings.exit(token, id)} on every way out of a timed call, through a catch-all handler
 * for exceptions. The {@code threads2} variants call
 * one method from two threads at once, the worst case for the shared counters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ProbeOverheadBenchmark {

    @Param({"16", "1024"})
    int size;

    int[] data;
    int id;

    @Setup
    public void setUp() {
        data = new int[size];
        for (int i = 0; i < size; i++) {
            data[i] = i * 31;
        }
        id = Timings.register("bench/ProbeOverheadBenchmark.probed");
    }

    @Benchmark
    public int plain() {
        return sum(data);
    }

    @Benchmark
    public int probed() {
        return probedSum(data, id);
    }

    @Benchmark
    @Threads(2)
    public int plainThreads2() {
        return sum(data);
    }

    @Benchmark
    @Threads(2)
    public int probedThreads2() {
        return probedSum(data, id);
    }

    static int sum(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    static int probedSum(int[] a, int id) {
        long token;
        if (Thread.currentThread() == Timings.owners[id]) {
            long[] counts = Timings.calls;
            long call = ++counts[id * Timings.STRIDE];
            token = ((call - 1) & (Timings.SAMPLE_EVERY - 1)) == 0 ? Timings.start(call, id) : 0;
        } else {
            token = Timings.enterShared(id);
        }
        try {
            int s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i];
            }
            if (token != 0) {
                Timings.exit(token, id);
            }
            return s;
        } catch (Throwable t) {
            if (token != 0) {
                Timings.exit(token, id);
            }
            throw t;
        }
    }
}
