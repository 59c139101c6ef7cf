package dev.hotloop.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What executors need to run a chunk: the Hotloop agent, started with the same jar as the driver's
 * (found in this JVM's {@code -javaagent} arguments; the path must exist on every worker), so the
 * application's classes get the same chunk methods there; and the application's code, shipped as
 * the jar (or directory, packed into a jar) that holds each loop's class.
 */
final class ExecutorSetup {

    static final String AGENT_MAIN = "dev.hotloop.agent.HotloopAgent";
    /** The executors' agent options: no cluster (a chunk never leaves its executor), quiet. */
    static final String EXECUTOR_OPTIONS = "log=warn,report=off";

    private ExecutorSetup() {
    }

    /** @return the driver's Hotloop agent jar, from this JVM's {@code -javaagent} arguments, or null */
    static String agentJar() {
        return agentJar(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static String agentJar(List<String> jvmArgs) {
        for (String a : jvmArgs) {
            if (!a.startsWith("-javaagent:")) {
                continue;
            }
            String spec = a.substring("-javaagent:".length());
            int eq = spec.indexOf('=');
            String path = eq < 0 ? spec : spec.substring(0, eq);
            if (isHotloopAgent(path)) {
                return new File(path).getAbsolutePath();
            }
        }
        return null;
    }

    private static boolean isHotloopAgent(String path) {
        try (JarFile jar = new JarFile(path)) {
            var manifest = jar.getManifest();
            return manifest != null && AGENT_MAIN.equals(manifest.getMainAttributes().getValue("Premain-Class"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param agentJar     the agent jar's path
     * @param existing     the application's own {@code spark.executor.extraJavaOptions}, or null
     * @return the executors' JVM options with the agent added, unless they start it already
     */
    static String executorJavaOptions(String agentJar, String existing) {
        String mine = "-javaagent:" + agentJar + "=" + EXECUTOR_OPTIONS;
        if (existing == null || existing.isBlank()) {
            return mine;
        }
        return existing.contains("-javaagent:") && existing.contains("hotloop") ? existing : existing + " " + mine;
    }

    /**
     * @param owner a class whose code executors need
     * @return a jar for {@code SparkContext.addJar}: the jar that holds it, or its class directory
     *     packed into a temporary jar; null when it has no location (a generated class)
     * @throws IOException when a directory cannot be packed
     */
    static String codeJar(Class<?> owner) throws IOException {
        CodeSource source = owner.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        Path p;
        try {
            p = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        if (Files.isRegularFile(p)) {
            return p.toString();
        }
        return Files.isDirectory(p) ? pack(p).toString() : null;
    }

    private static Path pack(Path dir) throws IOException {
        Path jar = Files.createTempFile("hotloop-classes-", ".jar");
        jar.toFile().deleteOnExit();
        var manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
