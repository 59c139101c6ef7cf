package dev.hotloop.agent.transform;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Gets the rewriting stages ready on a background thread from the agent's start, so that the
 * program's first annotated class pays as little as possible for them. Started only where annotated
 * classes can come: when {@code dev.hotloop.Vectorize} or {@code dev.hotloop.Parallel} is on the
 * system class path. It runs at minimum priority and never logs.
 *
 * <p>With a filled class cache (classes replay without any stage) it only opens the cache and
 * writes the runtime jar that the first cached class appends to the boot class path. Otherwise, at
 * once:
 * <ol>
 *   <li>loads and verifies the stages' classes ({@link StageClasses}), which the first class needs
 *       within milliseconds of {@code main} (measured: a program whose {@code main} calls its kernels
 *       at once got its result 8 ms sooner than with the steps below alone);</li>
 *   <li>builds the rewriter of {@link DeferredRewriter} (the Vector API's shape query), writes the
 *       runtime jar, and computes the cache key's context and opens the cache directory;</li>
 *   <li>after {@link #DELAY_MILLIS} from its start, unless a class of the program has asked for the
 *       rewriter, runs the stages over a few kernels until the JIT has compiled them: at most
 *       {@link #ROUNDS} rounds ({@link #FEW_CORES_ROUNDS} on one or two processors) or
 *       {@link #BUDGET_NANOS}, stopping at the program's first annotated class (then it would
 *       only compete with it). A program whose code under test loads after a test runner's start-up
 *       (the CI case) finds the stages loaded and compiled.</li>
 * </ol>
 * The kernels are {@link PrewarmKernels}, read as a class file and annotated in memory, rewritten
 * with {@code report=off}, so that nothing is registered, seen by the program or written; the
 * result is dropped.
 */
public final class Prewarm implements Runnable {

    private final DeferredRewriter rewriter;
    private final CachedRewrites cache;
    private final RuntimeLink runtime;
    private final AgentOptions options;
    private final boolean vectorApiResolved;
    /** At most this many rounds over the kernels, where the JVM has more than two processors. */
    static final int ROUNDS = 20;
    /**
     * At most this many on one or two processors, where the prewarm's compilations would queue
     * before the program's own and the thread would take the program's second core.
     */
    static final int FEW_CORES_ROUNDS = 2;
    /** And at most this long, from the start of the prewarm. */
    static final long BUDGET_NANOS = 400_000_000L;

    /**
     * The prewarm waits this long after start: a program whose annotated classes load at once
     * (its {@code main} calls the kernels) has asked for the rewriter by then, and the prewarm
     * stays out of its way (measured: both at once made each further method about 20 % slower on
     * two cores, with the JIT's threads); a test runner takes hundreds of milliseconds to start.
     */
    static final long DELAY_MILLIS = 100;

    private final long delayMillis;
    private volatile long nanos = -1;
    private volatile int rounds;

    /**
     * @param rewriter          the agent's rewriter, built here ahead of the first annotated class
     * @param cache             the agent's cache of rewritten classes, {@linkplain CachedRewrites#prepare() prepared}
     *                          here; null when off
     * @param runtime           the agent's runtime link, {@linkplain RuntimeLink#prepare() prepared} here
     * @param options           the agent's options (only which rewrites are on is used)
     * @param vectorApiResolved whether {@code jdk.incubator.vector} is in the boot layer
     */
    public Prewarm(DeferredRewriter rewriter, CachedRewrites cache, RuntimeLink runtime, AgentOptions options,
                   boolean vectorApiResolved) {
        this(rewriter, cache, runtime, options, vectorApiResolved, DELAY_MILLIS);
    }

    /** As above, starting after {@code delayMillis} instead of {@link #DELAY_MILLIS}. */
    Prewarm(DeferredRewriter rewriter, CachedRewrites cache, RuntimeLink runtime, AgentOptions options, boolean vectorApiResolved,
            long delayMillis) {
        this.delayMillis = delayMillis;
        this.rewriter = rewriter;
        this.cache = cache;
        this.runtime = runtime;
        this.options = options;
        this.vectorApiResolved = vectorApiResolved;
    }

    /**
     * @param loader the class loader of the program's classes
     * @return whether the annotations are visible to it, so that annotated classes can come
     */
    public static boolean annotationsVisible(ClassLoader loader) {
        return loader != null && (loader.getResource("dev/hotloop/Vectorize.class") != null
                || loader.getResource("dev/hotloop/Parallel.class") != null);
    }

    /** Starts the prewarm thread: a daemon at minimum priority. */
    public void start() {
        Thread t = new Thread(this, "hotloop-prewarm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    @Override
    public void run() {
        try {
            if (!annotationsVisible(ClassLoader.getSystemClassLoader())) {
                nanos = -3;
                return;
            }
            long begun = System.nanoTime();
            if (hasEntries(options.cache())) {
                if (cache != null) {
                    cache.prepare();
                }
                runtime.prepare();
                nanos = -3;
                return;
            }
            // The first annotated class would otherwise do all of this on its loading thread; at
            // worst the two race (each class loads once, each step is done once). The classes
            // first: that class needs them soonest, and does the cache's few milliseconds itself.
            StageClasses.load(Prewarm.class);
            rewriter.build();
            runtime.prepare();
            if (cache != null) {
                cache.prepare();
            }
            long left = delayMillis - (System.nanoTime() - begun) / 1_000_000;
            if (left > 0) {
                Thread.sleep(left);
            }
            if (rewriter.demanded()) {
                nanos = -3;
                return;
            }
            long start = System.nanoTime();
            byte[] kernels = read();
            AgentOptions quiet = AgentOptions.parse("report=off,log=off,cache=off,vectorize=" + options.vectorize()
                    + ",parallel=" + options.parallel(), new Properties(), Map.of());
            ClassRewriter warm = new ClassRewriter(quiet, new Planner(quiet, vectorApiResolved), new Unlinked());
            // One kernel at a time, most of the classes loaded by the first; then more rounds, so
            // that the JIT compiles the stages: a method rewritten after a dozen rounds costs a
            // fraction of one rewritten by interpreted stages. Once the program's first annotated
            // class has arrived, or after the budget, the rest would only compete with it.
            long deadline = start + BUDGET_NANOS;
            int most = Runtime.getRuntime().availableProcessors() > 2 ? ROUNDS : FEW_CORES_ROUNDS;
            byte[][] annotated = new byte[PrewarmKernelFile.KERNELS.length][]; // each made once, in the first round
            rounds:
            for (int round = 0; round < most; round++) {
                for (int k = 0; k < annotated.length; k++) {
                    if (rewriter.demanded() || System.nanoTime() > deadline) {
                        break rounds;
                    }
                    if (annotated[k] == null) {
                        annotated[k] = PrewarmKernelFile.annotated(kernels, PrewarmKernelFile.KERNELS[k]);
                    }
                    warm.rewrite(Prewarm.class.getClassLoader(), annotated[k]);
                }
                this.rounds = round + 1;
            }
            nanos = System.nanoTime() - start;
        } catch (RuntimeException | LinkageError | IOException e) {
            nanos = -2; // a failed prewarm costs nothing but itself: the first class then pays as before
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return how many whole rounds over the kernels the prewarm made */
    public int rounds() {
        return rounds;
    }

    /**
     * @param cache the cache directory, null when off
     * @return whether it holds entries already: classes seen by an earlier run are replayed from
     *     it without any rewriting stage, so that warming them would be wasted work
     */
    static boolean hasEntries(Path cache) {
        if (cache == null || !Files.isDirectory(cache)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cache)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * @return how long the prewarm took in nanoseconds; -1 while running or not started, -2 when
     *     it failed, -3 when it had nothing to do (no annotations visible, a filled cache, or the
     *     program asked for the rewriter before the prewarm began)
     */
    public long nanos() {
        return nanos;
    }

    private static byte[] read() throws IOException {
        try (InputStream in = Prewarm.class.getResourceAsStream("PrewarmKernels.class")) {
            if (in == null) {
                throw new IOException("PrewarmKernels.class not found beside " + Prewarm.class.getName());
            }
            return in.readAllBytes();
        }
    }

    /** The prewarm's rewrite makes nothing visible and registers no timing. */
    private static final class Unlinked implements RuntimeLink {
        @Override
        public void ensureVisible() {
        }

        @Override
        public int timingId(String key) {
            return -1;
        }

        @Override
        public void publish(ClassLoader loader, String owner, FormFiles forms) {
            // the prewarm's classes are never defined
        }
    }
}
