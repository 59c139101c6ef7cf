package dev.hotloop.bench.vector;

import dev.hotloop.Vectorize;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the vector benchmark through JMH and writes its Markdown table ({@link ResultTable}).
 * {@code scripts/vector-bench.sh} is the usual way in.
 *
 * <pre>{@code
 * java -cp benchmarks/target/hotloop-benchmarks.jar dev.hotloop.bench.vector.VectorBench TABLE.md [JMH options]
 * }</pre>
 *
 * <p>The JMH options are those of {@code java -jar hotloop-benchmarks.jar}, with a pattern that
 * selects benchmarks of {@code dev.hotloop.bench.vector}. Start this JVM without flags: JMH passes
 * its own JVM flags on to every fork, and the plain fork must run without any.
 */
public final class VectorBench {

    private VectorBench() {
    }

    /**
     * @param args the table file, then JMH options
     * @throws RunnerException when JMH cannot run
     * @throws IOException     when the table cannot be written
     */
    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length == 0) {
            System.err.println("usage: VectorBench TABLE.md [JMH options]");
            System.exit(2);
        }
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
        } catch (CommandLineOptionException e) {
            System.err.println("vector-bench: bad JMH option: " + e.getMessage());
            System.exit(2);
            return;
        }
        Collection<RunResult> results = new Runner(options).run();
        List<ResultTable.Score> scores = new ArrayList<>();
        for (RunResult r : results) {
            scores.add(score(r));
        }
        Files.writeString(Path.of(args[0]), ResultTable.markdown(scores, VectorBench::fastMath));
    }

    private static ResultTable.Score score(RunResult run) {
        BenchmarkParams params = run.getParams();
        String name = params.getBenchmark();
        String kernel = name.substring(name.lastIndexOf('.') + 1);
        String benchmarkClass = name.substring(0, name.lastIndexOf('.'));
        Result<?> primary = run.getPrimaryResult();
        if (!"ns/op".equals(primary.getScoreUnit())) {
            throw new IllegalStateException(name + " reports " + primary.getScoreUnit()
                    + ", not ns/op: leave out -bm and -tu (the table needs average time in ns)");
        }
        int size = Integer.parseInt(params.getParam("size"));
        return new ResultTable.Score(kernel, variant(benchmarkClass), size, primary.getScore() / size);
    }

    private static ResultTable.Variant variant(String benchmarkClass) {
        if (benchmarkClass.equals(PlainKernelBenchmark.class.getName())) {
            return ResultTable.Variant.PLAIN;
        }
        if (benchmarkClass.equals(AgentKernelBenchmark.class.getName())) {
            return ResultTable.Variant.AGENT;
        }
        if (benchmarkClass.equals(HandKernelBenchmark.class.getName())) {
            return ResultTable.Variant.HAND;
        }
        throw new IllegalArgumentException(benchmarkClass + " is not a vector kernel benchmark: select only "
                + "dev.hotloop.bench.vector.(Plain|Agent|Hand)KernelBenchmark");
    }

    private static boolean fastMath(String kernel) {
        for (Method m : ScalarKernels.class.getMethods()) {
            Vectorize v = m.getAnnotation(Vectorize.class);
            if (m.getName().equals(kernel) && v != null) {
                return v.fastMath();
            }
        }
        return false;
    }
}
