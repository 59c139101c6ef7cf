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
 * Compute bound: a 1000 x 1000 Mandelbrot image, rows in parallel. {@code plain} runs the loop on the plain JVM, {@code agent} the same
 * loop in a fork with the agent ({@link AgentFork}), {@code stream} the same work as a parallel
 * stream on the plain JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MandelbrotBenchmark {

    static final int SIZE = 1000;
    static final int MAX_ITER = 200;

    int[] out;

    @Setup
    public void setUp() {
        out = new int[SIZE * SIZE];
    }

    @Benchmark
    public int[] plain() {
        Kernels.mandelbrot(out, SIZE, SIZE, MAX_ITER);
        return out;
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {AgentFork.AGENT, "--add-modules", "jdk.incubator.vector"})
    public int[] agent() {
        Kernels.mandelbrot(out, SIZE, SIZE, MAX_ITER);
        return out;
    }

    @Benchmark
    public int[] stream() {
        IntStream.range(0, SIZE).parallel().forEach(row -> Kernels.mandelbrotRow(out, row, SIZE, SIZE, MAX_ITER));
        return out;
    }
}
