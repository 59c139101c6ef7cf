package dev.hotloop.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 for the tests: one Master and N Workers, each its own
 * JVM, started from the Maven-resolved Spark jars (linked into a temporary {@code SPARK_HOME/jars},
 * where Workers look for the executors' class path). Nothing is downloaded. {@link #close} (and a
 * shutdown hook, should the test JVM end first) kills every process it started, executors included.
 */
final class LocalSparkCluster implements AutoCloseable {

    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> workerLogs = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "stop-local-spark-cluster");
    private final int masterPort;

    /**
     * @param sparkJars the Spark class path (jars)
     * @param workers   how many workers, one core each
     */
    LocalSparkCluster(List<String> sparkJars, int workers) throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(hook);
        home = Files.createTempDirectory("hotloop-spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String j : sparkJars) {
            Path target = Path.of(j);
            Files.createSymbolicLink(jars.resolve(target.getFileName()), target);
        }
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("log4j2.properties"), "rootLogger.level = warn\n"
                + "rootLogger.appenderRef.stderr.ref = console\nappender.console.type = Console\n"
                + "appender.console.name = console\nappender.console.target = SYSTEM_ERR\n"
                + "appender.console.layout.type = PatternLayout\nappender.console.layout.pattern = %p %c{1}: %m%n\n");
        masterPort = freePort();
        start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
        for (int w = 1; w <= workers; w++) {
            Path work = Files.createDirectories(home.resolve("work" + w));
            workerLogs.add(start("worker" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--port", "0", "--webui-port", String.valueOf(freePort()), "--cores", "1", "--memory", "768m",
                    "--work-dir", work.toString(), masterUrl()));
        }
        for (Path log : workerLogs) {
            awaitLine(log, "Successfully registered with master", 90_000);
        }
    }

    /** @return {@code spark://127.0.0.1:PORT} */
    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** @return the environment a Spark JVM of this cluster (or its driver) needs to stay on 127.0.0.1 */
    Map<String, String> environment() {
        return Map.of("SPARK_HOME", home.toString(), "SPARK_CONF_DIR", home.resolve("conf").toString(),
                "SPARK_LOCAL_IP", "127.0.0.1", "SPARK_SCALA_VERSION", "2.13",
                "SPARK_LOCAL_DIRS", home.toString(), "JAVA_HOME", System.getProperty("java.home"));
    }

    /** Kills worker {@code n} (from 1) and the executors it started, as a lost machine would go. */
    void killWorker(int n) {
        Process worker = processes.get(n);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
    }

    private Path start(String name, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx256m"));
        cmd.addAll(SparkJvm.moduleOptions());
        cmd.addAll(List.of("-cp", home.resolve("jars") + File.separator + "*", main));
        cmd.addAll(List.of(args));
        Path log = home.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(environment());
        processes.add(pb.start());
        return log;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until a line of the file contains {@code text}, or fails with the file's content. */
    static void awaitLine(Path file, String text, long millis) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no '" + text + "' in " + file + " after " + millis + " ms:\n"
                + (Files.exists(file) ? Files.readString(file) : "(no file)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs stopAll
        }
    }

    private void stopAll() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
