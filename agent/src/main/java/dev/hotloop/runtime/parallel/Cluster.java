package dev.hotloop.runtime.parallel;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a {@code @Parallel(cluster = true)} loop calls instead of {@link ParallelLoop#run}: it runs
 * the loop on the cluster named by the agent option {@code cluster} when a {@link ClusterBackend}
 * is on the application's class path and the loop's values can be serialized, and on the local
 * pool otherwise, saying why once per loop. Nested loops and loops already running inside a
 * cluster task run locally.
 */
public final class Cluster {

    /** The backend class, in the {@code hotloop-spark} artifact. */
    public static final String BACKEND = "dev.hotloop.spark.SparkBackend";

    private static volatile String master;
    private static volatile boolean progress;
    private static volatile PrintStream err = System.err;
    private static ClusterBackend backend;
    private static boolean loaded;
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private Cluster() {
    }

    /**
     * Called by the agent once, before the first rewritten class runs.
     *
     * @param masterUrl the option {@code cluster}, or null: every loop runs on the local pool
     * @param progress  whether cluster loops longer than a second print progress lines
     */
    public static void configure(String masterUrl, boolean progress) {
        synchronized (Cluster.class) {
            master = masterUrl;
            Cluster.progress = progress;
            backend = null;
            loaded = false;
        }
    }

    /**
     * Runs a loop on the cluster, or on the local pool.
     *
     * @param body     the outlined loop body, for the local pool
     * @param args     its chunk method's arguments before {@code chunk, from, to}
     * @param from     the first iteration
     * @param to       one past the last iteration
     * @param chunks   what {@link ParallelLoop#chunks} returned
     * @param threads  the annotation's {@code threads}
     * @param site     {@code Class.method}
     * @param owner    the class of the chunk method
     * @param shipping {@code name#descriptor#roles} of the chunk method
     */
    public static void run(ChunkBody body, Object[] args, int from, int to, int chunks, int threads, String site,
                           Class<?> owner, String shipping) {
        ClusterBackend b = master == null || LoopRun.nested() ? null : backend();
        if (b != null) {
            String[] parts = shipping.split("#", 3);
            String[] roles = parts[2].isEmpty() ? new String[0] : parts[2].split(";");
            String unshippable = unshippable(args, roles);
            if (unshippable != null) {
                warnOnce(site, "[hotloop] " + site + ": runs on the local pool, not on cluster " + master + ": "
                        + unshippable);
            } else if (b.run(new ClusterLoop(owner, parts[0], parts[1], args, roles, from, to, chunks, site))) {
                return;
            }
        }
        ParallelLoop.run(body, from, to, chunks, threads, site);
    }

    /** @return why a value cannot travel (not {@link Serializable}), or null */
    static String unshippable(Object[] args, String[] roles) {
        for (int k = 0; k < args.length; k++) {
            Object a = args[k];
            if (roles[k].equals("v") && a != null && !(a instanceof Serializable)) {
                return "a captured value of class " + a.getClass().getName() + " is not Serializable; make it "
                        + "Serializable or capture its fields as locals";
            }
        }
        return null;
    }

    private static ClusterBackend backend() {
        synchronized (Cluster.class) {
            if (!loaded) {
                loaded = true;
                backend = load(master, progress);
            }
            return backend;
        }
    }

    private static ClusterBackend load(String url, boolean progress) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ClassLoader.getSystemClassLoader();
        }
        try {
            Class<?> c = Class.forName(BACKEND, true, loader);
            return (ClusterBackend) c.getConstructor(String.class, boolean.class).newInstance(url, progress);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            err.println("[hotloop] ERROR cluster=" + url + " is set but " + BACKEND + " is not on the class path ("
                    + e.getMessage() + "): add dev.hotloop:hotloop-spark and Spark to the application's class path; "
                    + "running @Parallel(cluster = true) loops on the local pool");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            err.println("[hotloop] ERROR cannot start the cluster backend for " + url + ": " + cause
                    + "; running @Parallel(cluster = true) loops on the local pool");
        }
        return null;
    }

    /**
     * Prints a line once per loop site.
     *
     * @param site {@code Class.method}
     * @param line the line
     */
    public static void warnOnce(String site, String line) {
        if (WARNED.add(site + '\n' + line)) {
            err.println(line);
        }
    }

    /** For tests: the backend every later cluster loop uses, as if loaded for {@code masterUrl}. */
    static void useBackend(String masterUrl, ClusterBackend b) {
        synchronized (Cluster.class) {
            master = masterUrl;
            backend = b;
            loaded = true;
        }
    }

    /** For tests: where lines go. */
    static void printTo(PrintStream stream) {
        err = stream;
    }
}
