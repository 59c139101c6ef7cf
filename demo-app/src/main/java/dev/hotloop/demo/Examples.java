package dev.hotloop.demo;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Prepares the inputs of each example and times its kernel. Inputs are built before the first
 * timed call, and no kernel class is touched before it, so the first call includes loading the
 * kernel's class and, with the agent, rewriting it.
 */
final class Examples {

    private static final String STRICT = "strict";
    private static final String FAST_MATH = "fastMath";
    private static final String PARALLEL = "parallel";
    private static final String PARALLEL_FAST_MATH = "parallel, fastMath";

    private final DemoSize size;
    private final Timing timing;

    private Examples(DemoSize size) {
        this.size = size;
        this.timing = new Timing(size.warmups(), size.runs());
    }

    /**
     * Runs every example, in a fixed order.
     *
     * @param size the input sizes and call counts
     * @return one row per example
     */
    static List<Row> runAll(DemoSize size) {
        Examples examples = new Examples(size);
        return List.of(
                examples.goFast(),
                examples.stepDoubles(),
                examples.stepFloats(),
                examples.add(),
                examples.magnitude(),
                examples.addPairs(),
                examples.dot(),
                examples.sum(),
                examples.normalize());
    }

    private Row goFast() {
        int n = size.matrixN();
        double[] a = Inputs.doubles(n * n, Inputs.SEED);
        return time("goFast: a + sum tanh(diag)", n + "x" + n, FAST_MATH,
                () -> GoFast.goFast(a, n), Checksum::of);
    }

    private Row stepDoubles() {
        double[] x = Inputs.doubles(size.elements(), Inputs.SEED);
        double[] out = new double[x.length];
        return time("step: x > 0 ? 1 : 0 (double)", count(x.length), STRICT, () -> {
            Step.stepAll(x, out);
            return out;
        }, Checksum::of);
    }

    private Row stepFloats() {
        float[] x = Inputs.floats(size.elements(), Inputs.SEED);
        float[] out = new float[x.length];
        return time("step: x > 0 ? 1 : 0 (float)", count(x.length), STRICT, () -> {
            Step.stepAll(x, out);
            return out;
        }, Checksum::of);
    }

    private Row add() {
        double[] x = Inputs.doubles(size.elements(), Inputs.SEED);
        double[] y = Inputs.doubles(size.elements(), Inputs.SEED + 1);
        double[] out = new double[x.length];
        return time("add: x + y", count(x.length), PARALLEL, () -> {
            ParallelAdd.add(x, y, out);
            return out;
        }, Checksum::of);
    }

    private Row magnitude() {
        double[] x = Inputs.doubles(size.elements(), Inputs.SEED);
        double[] y = Inputs.doubles(size.elements(), Inputs.SEED + 1);
        double[] out = new double[x.length];
        return time("magnitude: sqrt(x*x + y*y)", count(x.length), PARALLEL, () -> {
            ParallelAdd.magnitude(x, y, out);
            return out;
        }, Checksum::of);
    }

    private Row addPairs() {
        List<double[]> pairs = Inputs.pairs(size.pairs(), Inputs.SEED);
        return time("addPairs: List<double[]>", count(pairs.size()) + " pairs", PARALLEL,
                () -> ParallelAdd.addPairs(pairs), Checksum::of);
    }

    private Row dot() {
        float[] a = Inputs.floats(size.elements(), Inputs.SEED);
        float[] b = Inputs.floats(size.elements(), Inputs.SEED + 1);
        return time("dot: sum a*b (float)", count(a.length), FAST_MATH,
                () -> Dot.dot(a, b), Checksum::of);
    }

    private Row sum() {
        int[] a = Inputs.ints(size.elements(), Inputs.SEED);
        return time("sum: int, wrapping", count(a.length), STRICT,
                () -> Dot.sum(a), Checksum::of);
    }

    private Row normalize() {
        int rows = size.rows();
        int cols = size.cols();
        double[] m = Inputs.doubles(rows * cols, Inputs.SEED);
        double[] out = new double[m.length];
        return time("normalize rows to unit L2", rows + "x" + cols, PARALLEL_FAST_MATH, () -> {
            Normalize.normalizeRows(m, rows, cols, out);
            return out;
        }, Checksum::of);
    }

    private <T> Row time(String example, String inputSize, String mode, Supplier<T> call,
                         Function<? super T, String> checksum) {
        Measurement<T> m = timing.measure(call);
        return new Row(example, inputSize, mode, m.firstNanos(), m.steadyNanos(),
                checksum.apply(m.result()));
    }

    /** Formats an element count compactly: {@code 1048576} as {@code 1M}, {@code 1000} as is. */
    private static String count(int n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return (n >> 20) + "M";
        }
        if (n >= 1 << 10 && n % (1 << 10) == 0) {
            return (n >> 10) + "K";
        }
        return Integer.toString(n);
    }
}
