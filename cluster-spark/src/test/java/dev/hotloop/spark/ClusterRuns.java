package dev.hotloop.spark;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** For the overhead harness: runs a main class with the agent on the local pool, local[2] and a standalone cluster. */
public final class ClusterRuns {

    private ClusterRuns() {
    }

    public static void bench(String main) throws Exception {
        List<String> cp = new ArrayList<>(List.of(Path.of("target", "test-classes").toAbsolutePath().toString(),
                Path.of("target", "classes").toAbsolutePath().toString()));
        for (String e : Files.readString(Path.of(System.getProperty("it.classpath.file"))).trim().split(File.pathSeparator)) {
            if (!e.contains("hotloop-agent") && !e.contains("junit")) {
                cp.add(e);
            }
        }
        List<String> sparkJars = cp.stream().filter(p -> p.endsWith(".jar") && !p.contains("hotloop"))
                .collect(Collectors.toList());
        run(cp, main, "report=off", Map.of(), "local pool");
        run(cp, main, "report=off,cluster=local[2]", Map.of(), "local[2]");
        try (LocalSparkCluster cluster = new LocalSparkCluster(sparkJars, 2)) {
            run(cp, main, "report=off,cluster=" + cluster.masterUrl(), cluster.environment(), "standalone, 2 workers x 1 core");
        }
    }

    private static void run(List<String> cp, String main, String options, Map<String, String> env, String label)
            throws Exception {
        System.out.println("== " + label);
        List<String> cmd = new ArrayList<>(List.of(LocalSparkCluster.java(), "-Xmx1g"));
        cmd.addAll(SparkJvm.moduleOptions());
        cmd.add("-javaagent:" + System.getProperty("it.agent.jar") + "=" + options);
        cmd.addAll(List.of("-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-Dspark.executor.memory=512m", "-cp", String.join(File.pathSeparator, cp), main));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
            if (line.startsWith("n=")) {
                System.out.println(line);
            }
        }
        p.waitFor();
    }
}
