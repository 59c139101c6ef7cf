package dev.hotloop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotloop.spark.sample.ClusterSample;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tier 3 on a real cluster: {@link ClusterSample} runs on the plain JVM, with the agent on the local
 * pool, with {@code cluster=local[2]}, and with {@code cluster=spark://127.0.0.1:PORT} on a
 * standalone Master and two Workers started here as separate JVMs, one of which is killed while the
 * slow loop runs. Every written array, the integer count and the exception (type, message and the
 * writes before it) equal the plain JVM's, bit for bit, on every cluster backend; the double sum,
 * which {@code @Parallel} combines per chunk in chunk order, equals the local pool's. (The local
 * pool itself may run chunks above a failing one, so only its exception is compared.)
 */
class ClusterIT {

    private static final Path AGENT = Path.of(System.getProperty("it.agent.jar"));
    private static final String SAMPLE = ClusterSample.class.getName();
    /** The first JDK on which Spark 4.1.1's executors fail at start (Subject.getSubject in Hadoop 3.4). */
    private static final int STANDALONE_BREAKS_AT = 23;

    @Test
    void theSampleGivesTheSameBitsOnThePlainJvmTheLocalPoolLocal2AndAStandaloneClusterThatLosesAWorker()
            throws Exception {
        List<String> classPath = classPath();
        List<String> sparkJars = classPath.stream().filter(p -> p.endsWith(".jar") && !p.contains("hotloop"))
                .collect(Collectors.toList());
        Result plain = run(classPath, null, Map.of(), line -> { }, "slow", "0");
        Result pool = run(classPath, "report=off", Map.of(), line -> { });
        Result local2 = run(classPath, "report=off,cluster=local[2]", Map.of(), line -> { });
        for (String key : List.of("mandelbrot", "failing", "hits")) {
            assertEquals(plain.get(key), local2.get(key), key + " on local[2]\n" + local2.err);
        }
        assertEquals(pool.get("sum"), local2.get("sum"), "the double sum on local[2]");
        assertEquals(exception(plain.get("failing")), exception(pool.get("failing")), "the exception on the local pool");
        assumeTrue(Runtime.version().feature() < STANDALONE_BREAKS_AT, "skipping the standalone cluster on JDK "
                + Runtime.version().feature() + ": Spark 4.1's executors stop at start there (Hadoop's UserGroupInformation "
                + "calls Subject.getSubject, which throws UnsupportedOperationException from JDK 23 on); "
                + "run ClusterIT on JDK 17 or 21 for the cluster part");
        Result standalone;
        try (LocalSparkCluster cluster = new LocalSparkCluster(sparkJars, 2)) {
            boolean[] killed = {false};
            standalone = run(classPath, "cluster=" + cluster.masterUrl(), cluster.environment(), line -> {
                if (!killed[0] && line.contains("ClusterSample.slowly line ") && line.contains(": done")) {
                    killed[0] = true;
                    cluster.killWorker(2);
                }
            }, "slow", "200");
            Files.writeString(Path.of("target", "cluster-it-standalone.err"), standalone.err);
            assertTrue(killed[0], "a worker was killed mid-loop:\n" + standalone.err);
        }

        for (String key : List.of("mandelbrot", "failing", "hits")) {
            if (!key.equals("failing")) { // the local pool may run chunks above a failing one: only its exception is fixed
                assertEquals(plain.get(key), pool.get(key), key + " on the local pool");
            }
            assertEquals(plain.get(key), local2.get(key), key + " on local[2]\n" + local2.err);
            assertEquals(plain.get(key), standalone.get(key), key + " on the standalone cluster\n" + standalone.err);
        }
        assertEquals(exception(plain.get("failing")), exception(pool.get("failing")), "the exception on the local pool");
        assertEquals(plain.get("slow"), standalone.get("slow"), "the loop that lost a worker\n" + standalone.err);
        assertEquals(pool.get("sum"), local2.get("sum"), "the double sum on local[2]");
        assertEquals(pool.get("sum"), standalone.get("sum"), "the double sum on the standalone cluster");
        assertTrue(standalone.err.contains("reductions + on sum, + on hits, on cluster spark://127.0.0.1:"),
                "the report line names the cluster:\n" + standalone.err);
        assertTrue(local2.err.contains("[hotloop] Parallel(cluster=local[2]) ClusterSample.mandelbrot line ")
                || local2.err.contains("on cluster local[2]"), local2.err);
    }

    private static String exception(String failingLine) {
        return failingLine.substring(0, failingLine.lastIndexOf(" array "));
    }

    /** The sample's output lines, by their first word (the Monte Carlo line split into sum and hits). */
    private record Result(Map<String, String> lines, String err) {

        String get(String key) {
            String v = lines.get(key);
            if (v == null) {
                throw new AssertionError("no '" + key + "' line in " + lines + "\n" + err);
            }
            return v;
        }
    }

    private static Result run(List<String> classPath, String agentOptions, Map<String, String> env,
                              Consumer<String> onErrLine, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(LocalSparkCluster.java(), "-Xmx512m"));
        if (agentOptions != null) {
            cmd.addAll(SparkJvm.moduleOptions());
            cmd.add("-javaagent:" + AGENT + "=" + agentOptions);
            cmd.addAll(List.of("-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                    "-Dspark.executor.memory=512m", "-Dhotloop.cache=off"));
        }
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), SAMPLE));
        cmd.addAll(Arrays.asList(args));
        Path err = Files.createTempFile("hotloop-cluster-it", ".err");
        Path outFile = Files.createTempFile("hotloop-cluster-it", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(outFile.toFile());
            pb.environment().putAll(env);
            pb.environment().keySet().removeIf(k -> k.startsWith("HOTLOOP_"));
            Process p = pb.start();
            Thread watcher = new Thread(() -> follow(err, p, onErrLine));
            watcher.start();
            boolean ended = p.waitFor(150, TimeUnit.SECONDS);
            if (!ended) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            watcher.join();
            String errText = Files.readString(err);
            String out = Files.readString(outFile);
            assertTrue(ended && p.exitValue() == 0, "the sample failed:\n" + out + "\n" + errText);
            return new Result(parse(out), errText);
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(outFile);
        }
    }

    private static void follow(Path file, Process p, Consumer<String> onLine) {
        int seen = 0;
        try {
            while (true) {
                boolean alive = p.isAlive();
                String[] lines = Files.readString(file).split("\n", -1);
                for (; seen < lines.length - 1; seen++) {
                    onLine.accept(lines[seen]);
                }
                if (!alive) {
                    return;
                }
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException e) {
            // stop following
        }
    }

    private static Map<String, String> parse(String out) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String line : out.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp < 0) {
                continue;
            }
            String key = line.substring(0, sp);
            String rest = line.substring(sp + 1);
            if (key.equals("montecarlo")) {
                for (String part : rest.split(" ")) {
                    String[] kv = part.split("=", 2);
                    m.put(kv[0], kv[1]);
                }
            } else {
                m.put(key, rest);
            }
        }
        return m;
    }

    private static List<String> classPath() throws IOException {
        List<String> cp = new ArrayList<>(List.of(Path.of("target", "test-classes").toAbsolutePath().toString(),
                Path.of("target", "classes").toAbsolutePath().toString()));
        for (String e : Files.readString(Path.of(System.getProperty("it.classpath.file"))).trim().split(File.pathSeparator)) {
            // the agent's runtime comes from -javaagent; an agent jar on the class path would shadow it
            if (!e.contains("hotloop-agent") && !e.contains("junit") && !e.contains("opentest4j")
                    && !e.contains("apiguardian")) {
                cp.add(e);
            }
        }
        return cp;
    }
}
