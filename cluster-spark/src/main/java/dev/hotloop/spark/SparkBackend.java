package dev.hotloop.spark;

import dev.hotloop.runtime.parallel.Cluster;
import dev.hotloop.runtime.parallel.ClusterBackend;
import dev.hotloop.runtime.parallel.ClusterLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Runs {@code @Parallel(cluster = true)} loops as Spark jobs: one task per chunk (the local pool's
 * chunks), the loop's arguments broadcast once per loop run, the written slices and reduction
 * values collected and merged in chunk order ({@link ChunkMerge}). The agent's runtime loads this
 * class by name when the option {@code cluster} is set. The Spark context is created at the first
 * cluster loop, or the application's active one is used.
 *
 * <p>When the context cannot start, or a loop's job fails for a reason other than an exception of
 * an iteration (executors without the agent, a class missing there, too many lost executors), the
 * loop runs on the local pool, with one line saying why; nothing of the failed job has reached the
 * caller's arrays by then except, in {@code local[N]} mode, writes the local pool would make again.
 */
public final class SparkBackend implements ClusterBackend {

    /** How long a job may wait without any executor before its loop goes back to the local pool. */
    static final long NO_EXECUTOR_NANOS = 60_000_000_000L;

    private final String master;
    private final boolean progress;
    private final Set<String> shipped = new HashSet<>();
    private final Set<String> failedSites = new HashSet<>();
    private JavaSparkContext context;
    private boolean unavailable;

    /**
     * @param master   the Spark master URL of the agent option {@code cluster}
     * @param progress whether loops longer than a second print progress lines
     */
    public SparkBackend(String master, boolean progress) {
        this.master = master;
        this.progress = progress;
    }

    @Override
    public boolean run(ClusterLoop loop) {
        if (TaskContext.get() != null) {
            return false; // already inside a Spark task: run there, on the executor's pool
        }
        JavaSparkContext sc = context(loop);
        if (sc == null) {
            return false;
        }
        synchronized (this) {
            if (failedSites.contains(loop.site())) {
                return false;
            }
        }
        Object[] args = loop.args();
        String[] roles = loop.roles();
        Object[] toShip = args.clone();
        for (int a = 0; a < roles.length; a++) {
            char role = roles[a].charAt(0);
            if (role == 'p') {
                toShip[a] = null; // each task makes its own
            } else if (role == 'w' && args[a] != null) {
                // a copy: in local mode the broadcast is this very object, and chunks above a failing
                // one must not write into the caller's array
                toShip[a] = copy(args[a]);
            }
        }
        List<ChunkResult> results;
        Broadcast<Object[]> shared = null;
        try {
            shared = sc.broadcast(toShip);
            List<Integer> chunks = new ArrayList<>(loop.chunks());
            for (int k = 0; k < loop.chunks(); k++) {
                chunks.add(k);
            }
            sc.setJobDescription("hotloop " + loop.site() + " (" + loop.chunks() + " chunks)");
            JavaFutureAction<List<ChunkResult>> job = sc.parallelize(chunks, loop.chunks())
                    .map(new ChunkTask(shared, loop.owner().getName(), loop.method(), loop.descriptor(), roles,
                            loop.from(), loop.to(), loop.chunks()))
                    .collectAsync();
            results = await(sc, job, loop);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            synchronized (this) {
                failedSites.add(loop.site());
            }
            Cluster.warnOnce(loop.site(), "[hotloop] WARN " + loop.site() + ": the Spark job on " + master + " failed ("
                    + firstLine(cause) + "); this loop runs on the local pool from now on");
            return false;
        } finally {
            destroy(shared);
        }
        try {
            ChunkMerge.merge(args, roles, results);
        } catch (Throwable t) {
            throw SparkBackend.<RuntimeException>unchecked(t);
        }
        return true;
    }

    private static void destroy(Broadcast<?> shared) {
        if (shared == null) {
            return;
        }
        try {
            shared.destroy();
        } catch (RuntimeException e) {
            // the context stopped under the job: its broadcasts went with it
        }
    }

    private List<ChunkResult> await(JavaSparkContext sc, JavaFutureAction<List<ChunkResult>> job, ClusterLoop loop)
            throws ExecutionException {
        long start = System.nanoTime();
        boolean printed = false;
        while (true) {
            try {
                List<ChunkResult> r = job.get(1, TimeUnit.SECONDS);
                if (printed) {
                    progress(loop, loop.chunks(), start);
                }
                return r;
            } catch (TimeoutException e) {
                if (System.nanoTime() - start > NO_EXECUTOR_NANOS && !master.startsWith("local")
                        && sc.sc().statusTracker().getExecutorInfos().length <= 1 && completed(sc, job) == 0) {
                    job.cancel(true);
                    throw new ExecutionException(new IllegalStateException("no executor has joined in "
                            + NO_EXECUTOR_NANOS / 1_000_000_000L + " s (are the workers up, with enough memory and "
                            + "cores, on a JDK their executors can start on?)"));
                }
                if (progress) {
                    progress(loop, completed(sc, job), start);
                    printed = true;
                }
            } catch (InterruptedException e) {
                job.cancel(true);
                Thread.currentThread().interrupt();
                throw new ExecutionException("interrupted while waiting for the Spark job", e);
            }
        }
    }

    private static int completed(JavaSparkContext sc, JavaFutureAction<?> job) {
        int done = 0;
        for (int id : job.jobIds()) {
            var info = sc.statusTracker().getJobInfo(id);
            if (info != null) {
                for (int stage : info.stageIds()) {
                    var s = sc.statusTracker().getStageInfo(stage);
                    done += s == null ? 0 : s.numCompletedTasks();
                }
            }
        }
        return done;
    }

    private void progress(ClusterLoop loop, int done, long start) {
        System.err.printf(java.util.Locale.ROOT, "[hotloop] Parallel(cluster=%s) %s: done %d of %d chunks, elapsed %.1f s%n",
                master, loop.site(), done, loop.chunks(), (System.nanoTime() - start) / 1e9);
    }

    private synchronized JavaSparkContext context(ClusterLoop loop) {
        if (unavailable) {
            return null;
        }
        try {
            if (context == null) {
                context = start();
            }
            if (context.sc().isStopped()) {
                throw new IllegalStateException("the Spark context has stopped");
            }
            shipCode(loop.owner());
            return context;
        } catch (RuntimeException | IOException | LinkageError e) {
            unavailable = true;
            Cluster.warnOnce("", "[hotloop] ERROR cannot start Spark on " + master + ": " + firstLine(e)
                    + "; running @Parallel(cluster = true) loops on the local pool");
            return null;
        }
    }

    private JavaSparkContext start() throws IOException {
        boolean quiet = System.getProperty("log4j.configurationFile") == null
                && System.getProperty("log4j2.configurationFile") == null;
        if (quiet) {
            System.setProperty("log4j2.configurationFile", "dev/hotloop/spark/log4j2-quiet.properties");
        }
        SparkConf conf = new SparkConf().setMaster(master).setIfMissing("spark.app.name", "hotloop")
                .setIfMissing("spark.ui.enabled", "false");
        String agent = ExecutorSetup.agentJar();
        if (agent == null) {
            Cluster.warnOnce("", "[hotloop] WARN this JVM has no -javaagent:hotloop-agent.jar argument to pass on; "
                    + "executors need the agent: set spark.executor.extraJavaOptions=-javaagent:<agent jar>");
        } else {
            conf.set("spark.executor.extraJavaOptions", ExecutorSetup.executorJavaOptions(agent,
                    conf.get("spark.executor.extraJavaOptions", null)));
        }
        SparkContext sc = SparkContext.getOrCreate(conf);
        String jar = ExecutorSetup.codeJar(SparkBackend.class);
        if (jar != null) {
            sc.addJar(jar);
        }
        System.err.println("[hotloop] cluster " + master + ": Spark " + sc.version() + ", application "
                + sc.applicationId() + (agent == null ? "" : "; executors start with -javaagent:" + agent));
        return new JavaSparkContext(sc);
    }

    private void shipCode(Class<?> owner) throws IOException {
        String jar = ExecutorSetup.codeJar(owner);
        if (jar != null && shipped.add(jar)) {
            context.addJar(jar);
        }
    }

    private static Object copy(Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        Object c = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), n);
        System.arraycopy(array, 0, c, 0, n);
        return c;
    }

    private static String firstLine(Throwable t) {
        String s = String.valueOf(t.getMessage() != null ? t.getMessage() : t.toString());
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T unchecked(Throwable t) throws T {
        throw (T) t;
    }
}
