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
 * A reduction: the sum of squares of 4 million doubles. {@code plain} runs the loop on the plain JVM, {@code agent} the same
 * loop in a fork with the agent ({@link AgentFork}), {@code stream} the same work as a parallel
 * stream on the plain JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ReductionBenchmark {

    static final int SIZE = 4 << 20;

    double[] x;

    @Setup
    public void setUp() {
        x = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            x[i] = (i % 1000) * 0.001;
        }
    }

    @Benchmark
    public double plain() {
        return Kernels.sumOfSquares(x);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {AgentFork.AGENT, "--add-modules", "jdk.incubator.vector"})
    public double agent() {
        return Kernels.sumOfSquares(x);
    }

    @Benchmark
    public double stream() {
        return IntStream.range(0, SIZE).parallel().mapToDouble(i -> x[i] * x[i]).sum();
    }
}
