package dev.hotloop.agent;

import dev.hotloop.agent.options.LogLevel;
import dev.hotloop.agent.report.Diagnostics;
import dev.hotloop.agent.transform.RuntimeLink;
import dev.hotloop.runtime.Timings;
import dev.hotloop.runtime.parallel.Cluster;
import dev.hotloop.runtime.parallel.ParallelLoop;
import dev.hotloop.runtime.tier.Tiers;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.function.ObjIntConsumer;
import java.lang.instrument.Instrumentation;

/**
 * Makes {@code dev.hotloop.runtime}, the classes rewritten code calls, visible from every class
 * loader: copies the jar of them that the agent jar carries to a temporary file and appends it to
 * the bootstrap class path, the first time an annotated class is rewritten. Until then nothing loads
 * a runtime class, so a program without annotations keeps its whole class-data sharing archive
 * (the JVM restricts sharing to boot classes once the boot class path is appended, and says so).
 */
final class BootstrapRuntime implements RuntimeLink {

    /** The runtime classes as a jar, which the build puts into the agent jar (see the agent's pom). */
    static final String NESTED_JAR = "META-INF/hotloop/runtime.jar";

    private final Instrumentation inst;
    private final Diagnostics diagnostics;
    private final int threads;
    private final String cluster;
    private final ObjIntConsumer<Class<?>> original;
    private volatile boolean visible;
    /** The runtime jar, written ahead by {@link #prepare()}; null until then. Guarded by this. */
    private File prepared;

    /**
     * @param inst        the JVM's instrumentation
     * @param diagnostics where messages go; at debug, parallel loops also print their progress
     * @param threads     the size of the parallel loops' shared pool (agent option {@code threads})
     */
    BootstrapRuntime(Instrumentation inst, Diagnostics diagnostics, int threads) {
        this(inst, diagnostics, threads, null, null);
    }

    /**
     * As above, with {@code cluster}, the Spark master URL of the option {@code cluster}, or null,
     * and {@code original}, told of each loop that settles on its original form, or null.
     */
    BootstrapRuntime(Instrumentation inst, Diagnostics diagnostics, int threads, String cluster,
                     ObjIntConsumer<Class<?>> original) {
        this.cluster = cluster;
        this.original = original;
        this.inst = inst;
        this.diagnostics = diagnostics;
        this.threads = threads;
    }

    @Override
    public void ensureVisible() {
        if (visible) {
            return;
        }
        synchronized (this) {
            if (!visible) {
                try {
                    File jar = prepared != null ? prepared : runtimeJar();
                    boolean appended = jar != null;
                    if (appended) {
                        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
                    }
                    diagnostics.debug(appended ? "runtime classes appended to the bootstrap class path"
                            : "runtime classes used from the class path (agent not running from a jar)");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot make the Hotloop runtime visible to class loaders", e);
                }
                // First use of the parallel and tier runtimes, now resolved from the boot class path.
                ParallelLoop.configure(threads, diagnostics.enabled(LogLevel.DEBUG));
                ParallelLoop.notices(diagnostics.enabled(LogLevel.INFO) ? System.err : null);
                Cluster.configure(cluster, diagnostics.enabled(LogLevel.INFO));
                Tiers.configure(Tiers.Policy.MEASURE, diagnostics.enabled(LogLevel.INFO) ? System.err : null);
                Tiers.onOriginal(original);
                ParallelLoop.measure(diagnostics.enabled(LogLevel.INFO) ? System.err : null);
                visible = true;
            }
        }
    }

    /**
     * Writes the runtime jar ahead of {@link #ensureVisible()}, which then only appends it (on the
     * prewarm thread: the first rewritten class is spared the copy). Makes nothing visible; a
     * failure leaves the work to {@code ensureVisible}.
     */
    @Override
    public synchronized void prepare() {
        if (visible || prepared != null) {
            return;
        }
        try {
            prepared = runtimeJar();
        } catch (IOException | RuntimeException e) {
            prepared = null;
        }
    }

    @Override
    public int timingId(String key) {
        ensureVisible();
        return Timings.register(key);
    }

    /**
     * @return a new temporary jar of the runtime classes, deleted at exit; null when the agent does
     *     not run from a jar (tests), where the application class path already holds the runtime
     * @throws IOException when the agent jar cannot be read, lacks the runtime jar, or the copy
     *     cannot be written
     */
    static File runtimeJar() throws IOException {
        Path agentJar = agentJar();
        if (agentJar == null) {
            return null;
        }
        File runtimeJar = newTempJar();
        runtimeJar.deleteOnExit();
        try (JarFile in = new JarFile(agentJar.toFile(), false)) {
            JarEntry nested = in.getJarEntry(NESTED_JAR);
            if (nested == null) {
                throw new IOException("no " + NESTED_JAR + " in " + agentJar + " (an agent jar not made by the project's build)");
            }
            try (InputStream data = in.getInputStream(nested); OutputStream out = new FileOutputStream(runtimeJar)) {
                data.transferTo(out);
            }
        }
        return runtimeJar;
    }

    /**
     * Creates a new, empty file in {@code java.io.tmpdir}, exclusively: never an existing file or
     * link. Named from the clock rather than by {@code Files.createTempFile}, whose
     * {@code SecureRandom} alone cost the first annotated class about 20 ms of seeding.
     */
    private static File newTempJar() throws IOException {
        File dir = new File(System.getProperty("java.io.tmpdir"));
        for (int attempt = 0; attempt < 100; attempt++) {
            File f = new File(dir, "hotloop-runtime-" + Long.toHexString(System.nanoTime()) + ".jar");
            if (f.createNewFile()) {
                return f;
            }
        }
        throw new IOException("cannot create a file for the runtime jar in " + dir);
    }

    private static Path agentJar() {
        try {
            var source = BootstrapRuntime.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            File f = new File(source.getLocation().toURI());
            return f.isFile() ? f.toPath() : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
