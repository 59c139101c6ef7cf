package dev.hotloop.bench.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * A list of 2,000 objects with a costly function of each, summed. {@code plain} runs the loop on the plain JVM, {@code agent} the same
 * loop in a fork with the agent ({@link AgentFork}), {@code stream} the same work as a parallel
 * stream on the plain JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ObjectListBenchmark {

    static final int SIZE = 2_000;

    List<Kernels.Item> items;

    @Setup
    public void setUp() {
        items = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            items.add(new Kernels.Item(i * 0.001));
        }
    }

    @Benchmark
    public double plain() {
        return Kernels.totalScore(items);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {AgentFork.AGENT, "--add-modules", "jdk.incubator.vector"})
    public double agent() {
        return Kernels.totalScore(items);
    }

    @Benchmark
    public double stream() {
        return items.parallelStream().mapToDouble(Kernels.Item::score).sum();
    }
}
