package dev.hotloop.bench.vector;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link HandKernels}, the Vector API ceiling, without the agent: the same benchmark names, inputs
 * and settings as {@link ScalarKernelBenchmark}, so that each row of the report compares like with
 * like.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class HandKernelBenchmark {

    @Benchmark
    public float dotFloat(KernelInputs.Floats in) {
        return HandKernels.dotFloat(in.a, in.b);
    }

    @Benchmark
    public double dotDouble(KernelInputs.Doubles in) {
        return HandKernels.dotDouble(in.a, in.b);
    }

    @Benchmark
    public float dotFloatStrict(KernelInputs.Floats in) {
        return HandKernels.dotFloatStrict(in.a, in.b);
    }

    @Benchmark
    public double sumDoubleStrict(KernelInputs.Doubles in) {
        return HandKernels.sumDoubleStrict(in.a);
    }

    @Benchmark
    public double sumSqrtStrict(KernelInputs.Doubles in) {
        return HandKernels.sumSqrtStrict(in.spot); // positive: 10 to 100
    }

    @Benchmark
    public int sumInt(KernelInputs.Ints in) {
        return HandKernels.sumInt(in.a);
    }

    @Benchmark
    public long sumLong(KernelInputs.Longs in) {
        return HandKernels.sumLong(in.a);
    }

    @Benchmark
    public int indexOf(KernelInputs.Ints in) {
        return HandKernels.indexOf(in.a, in.key);
    }

    @Benchmark
    public int argmax(KernelInputs.Floats in) {
        return HandKernels.argmax(in.a);
    }

    @Benchmark
    public float maxAbs(KernelInputs.Floats in) {
        return HandKernels.maxAbs(in.a);
    }

    @Benchmark
    public float[] saxpy(KernelInputs.Floats in) {
        HandKernels.saxpy(in.alpha, in.a, in.b);
        return in.b;
    }

    @Benchmark
    public float[] select(KernelInputs.Floats in) {
        HandKernels.select(in.a, in.b, in.out);
        return in.out;
    }

    @Benchmark
    public float[] relu(KernelInputs.Floats in) {
        HandKernels.relu(in.a, in.out);
        return in.out;
    }

    @Benchmark
    public float sumTanh(KernelInputs.Floats in) {
        return HandKernels.sumTanh(in.a);
    }

    @Benchmark
    public float[] sigmoid(KernelInputs.Floats in) {
        HandKernels.sigmoid(in.a, in.out);
        return in.out;
    }

    @Benchmark
    public double[] blackScholesCall(KernelInputs.Doubles in) {
        HandKernels.blackScholesCall(in.spot, in.strike, in.years, in.rate, in.volatility, in.out);
        return in.out;
    }

    @Benchmark
    public float[] stencil3(KernelInputs.Floats in) {
        HandKernels.stencil3(in.a, in.out);
        return in.out;
    }

    @Benchmark
    public float[] matmul(KernelInputs.Matrices in) {
        HandKernels.matmul(in.a, in.b, in.c, in.n);
        return in.c;
    }

    @Benchmark
    public double[] goFast(KernelInputs.Squares in) {
        return HandKernels.goFast(in.a, in.n, in.out);
    }

    @Benchmark
    public float[] gather(KernelInputs.Floats in) {
        HandKernels.gather(in.a, in.keys, in.out);
        return in.out;
    }

    @Benchmark
    public float[] everyOther(KernelInputs.Floats in) {
        HandKernels.everyOther(in.a, in.out);
        return in.out;
    }
}
