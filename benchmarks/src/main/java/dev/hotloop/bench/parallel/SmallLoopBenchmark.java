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
 * 100 cheap iterations: {@code @Parallel} must keep them on the caller, as fast as the plain loop. {@code plain} runs the loop on the plain JVM, {@code agent} the same
 * loop in a fork with the agent ({@link AgentFork}), {@code stream} the same work as a parallel
 * stream on the plain JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SmallLoopBenchmark {

    static final int SIZE = 100;

    int[] a;

    @Setup
    public void setUp() {
        a = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            a[i] = i * 31;
        }
    }

    @Benchmark
    public int plain() {
        return Kernels.smallSum(a);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {AgentFork.AGENT, "--add-modules", "jdk.incubator.vector"})
    public int agent() {
        return Kernels.smallSum(a);
    }

    @Benchmark
    public int stream() {
        return IntStream.range(0, SIZE).parallel().map(i -> a[i]).sum();
    }
}
