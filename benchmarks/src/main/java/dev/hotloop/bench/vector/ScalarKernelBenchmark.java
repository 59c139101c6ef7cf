package dev.hotloop.bench.vector;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calls each of {@link ScalarKernels} once per operation. JMH generates these benchmarks for each
 * concrete subclass, whose {@code @Fork} decides whether the agent rewrites the kernels:
 * {@link PlainKernelBenchmark} and {@link AgentKernelBenchmark}. {@link HandKernelBenchmark} has
 * the same methods on {@link HandKernels}. Scores are ns per call; divide by {@code size} for ns
 * per element ({@link VectorBench} does).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public abstract class ScalarKernelBenchmark {

    @Benchmark
    public float dotFloat(KernelInputs.Floats in) {
        return ScalarKernels.dotFloat(in.a, in.b);
    }

    @Benchmark
    public double dotDouble(KernelInputs.Doubles in) {
        return ScalarKernels.dotDouble(in.a, in.b);
    }

    @Benchmark
    public float dotFloatStrict(KernelInputs.Floats in) {
        return ScalarKernels.dotFloatStrict(in.a, in.b);
    }

    @Benchmark
    public double sumDoubleStrict(KernelInputs.Doubles in) {
        return ScalarKernels.sumDoubleStrict(in.a);
    }

    @Benchmark
    public double sumSqrtStrict(KernelInputs.Doubles in) {
        return ScalarKernels.sumSqrtStrict(in.spot); // positive: 10 to 100
    }

    @Benchmark
    public int sumInt(KernelInputs.Ints in) {
        return ScalarKernels.sumInt(in.a);
    }

    @Benchmark
    public long sumLong(KernelInputs.Longs in) {
        return ScalarKernels.sumLong(in.a);
    }

    @Benchmark
    public int indexOf(KernelInputs.Ints in) {
        return ScalarKernels.indexOf(in.a, in.key);
    }

    @Benchmark
    public int argmax(KernelInputs.Floats in) {
        return ScalarKernels.argmax(in.a);
    }

    @Benchmark
    public float maxAbs(KernelInputs.Floats in) {
        return ScalarKernels.maxAbs(in.a);
    }

    @Benchmark
    public float[] saxpy(KernelInputs.Floats in) {
        ScalarKernels.saxpy(in.alpha, in.a, in.b);
        return in.b;
    }

    @Benchmark
    public float[] select(KernelInputs.Floats in) {
        ScalarKernels.select(in.a, in.b, in.out);
        return in.out;
    }

    @Benchmark
    public float[] relu(KernelInputs.Floats in) {
        ScalarKernels.relu(in.a, in.out);
        return in.out;
    }

    @Benchmark
    public float sumTanh(KernelInputs.Floats in) {
        return ScalarKernels.sumTanh(in.a);
    }

    @Benchmark
    public float[] sigmoid(KernelInputs.Floats in) {
        ScalarKernels.sigmoid(in.a, in.out);
        return in.out;
    }

    @Benchmark
    public double[] blackScholesCall(KernelInputs.Doubles in) {
        ScalarKernels.blackScholesCall(in.spot, in.strike, in.years, in.rate, in.volatility, in.out);
        return in.out;
    }

    @Benchmark
    public float[] stencil3(KernelInputs.Floats in) {
        ScalarKernels.stencil3(in.a, in.out);
        return in.out;
    }

    @Benchmark
    public float[] matmul(KernelInputs.Matrices in) {
        ScalarKernels.matmul(in.a, in.b, in.c, in.n);
        return in.c;
    }

    @Benchmark
    public float[] hypot(KernelInputs.Floats in) {
        ScalarKernels.hypot(in.a, in.b, in.out);
        return in.out;
    }

    @Benchmark
    public double[] goFast(KernelInputs.Squares in) {
        return ScalarKernels.goFast(in.a, in.n, in.out);
    }

    @Benchmark
    public long[] toLong(KernelInputs.Conversions in) {
        ScalarKernels.toLong(in.a, in.longs);
        return in.longs;
    }

    @Benchmark
    public int[] toInt(KernelInputs.Conversions in) {
        ScalarKernels.toInt(in.a, in.ints);
        return in.ints;
    }

    @Benchmark
    public float[] gather(KernelInputs.Floats in) {
        ScalarKernels.gather(in.a, in.keys, in.out);
        return in.out;
    }

    @Benchmark
    public float[] everyOther(KernelInputs.Floats in) {
        ScalarKernels.everyOther(in.a, in.out);
        return in.out;
    }
}
