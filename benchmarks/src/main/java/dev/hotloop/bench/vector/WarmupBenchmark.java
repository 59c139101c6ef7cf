package dev.hotloop.bench.vector;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a rewritten loop costs before the JIT has compiled it: the wall time of the first
 * {@code calls} calls of a kernel in a fresh JVM (JMH single-shot mode, no warm-up, one fork per
 * sample), 1,000 elements a call. Vector API code is fast only once C2 has compiled it; before
 * that every vector operation is an object in the interpreter or in C1 code, so the first calls of
 * a rewritten kernel are slower than the plain loop's. {@link PlainWarmupBenchmark} and
 * {@link AgentWarmupBenchmark} decide, through their {@code @Fork}, whether the agent is there;
 * the agent fork also pays for rewriting the class when it loads ({@link ScalarKernels} is
 * loaded by the first call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public abstract class WarmupBenchmark {

    static final int SIZE = 1000;

    @Param({"1", "100", "1000", "10000", "100000", "1000000"})
    public int calls;

    float[] fa;
    float[] fb;
    float[] out;
    int[] ia;

    @Setup
    public void setUp() {
        fa = Inputs.floats(SIZE, 1, -4f, 4f);
        fb = Inputs.floats(SIZE, 2, -4f, 4f);
        out = new float[SIZE];
        ia = Inputs.ints(SIZE, 3);
    }

    @Benchmark
    public float dotFloat() {
        float s = 0;
        for (int c = 0; c < calls; c++) {
            s += ScalarKernels.dotFloat(fa, fb);
        }
        return s;
    }

    @Benchmark
    public int sumInt() {
        int s = 0;
        for (int c = 0; c < calls; c++) {
            s += ScalarKernels.sumInt(ia);
        }
        return s;
    }

    @Benchmark
    public float[] select() {
        for (int c = 0; c < calls; c++) {
            ScalarKernels.select(fa, fb, out);
        }
        return out;
    }
}
