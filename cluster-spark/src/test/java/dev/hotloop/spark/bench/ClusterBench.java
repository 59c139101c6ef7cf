package dev.hotloop.spark.bench;

/**
 * Runs {@link ClusterOverhead} on the local pool, on {@code local[2]} and on a two-worker standalone
 * cluster started here: {@code java -cp <test class path> dev.hotloop.spark.bench.ClusterBench
 * <agent jar> <class path file>} (the test module's {@code target/it-classpath.txt}).
 */
public final class ClusterBench {

    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("it.agent.jar", args[0]);
        System.setProperty("it.classpath.file", args[1]);
        dev.hotloop.spark.ClusterRuns.bench(ClusterOverhead.class.getName());
    }
}
