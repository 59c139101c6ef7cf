package dev.hotloop.bench.parallel;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory bound: {@code out[i] = k * x[i] + y[i]} over 4 million doubles. {@code plain} runs the loop on the plain JVM, {@code agent} the same
 * loop in a fork with the agent ({@link AgentFork}), {@code stream} the same work as a parallel
 * stream on the plain JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MapBenchmark {

    static final int SIZE = 4 << 20;

    double[] x;
    double[] y;
    double[] out;

    @Setup
    public void setUp() {
        x = new double[SIZE];
        y = new double[SIZE];
        out = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            x[i] = i * 0.5;
            y[i] = SIZE - i;
        }
    }

    @Benchmark
    public double[] plain() {
        Kernels.axpy(x, y, 1.5, out);
        return out;
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {AgentFork.AGENT, "--add-modules", "jdk.incubator.vector"})
    public double[] agent() {
        Kernels.axpy(x, y, 1.5, out);
        return out;
    }

    @Benchmark
    public double[] stream() {
        IntStream.range(0, SIZE).parallel().forEach(i -> out[i] = 1.5 * x[i] + y[i]);
        return out;
    }
}
