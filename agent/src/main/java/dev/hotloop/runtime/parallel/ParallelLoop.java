package dev.hotloop.runtime.parallel;

import java.io.PrintStream;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a loop rewritten for {@code @Parallel} calls. The rewritten method asks {@link #chunks} how
 * many chunks its range splits into; with one chunk it runs its original loop, unchanged. With
 * more, it hands its outlined body to {@link #run}, then combines each reduction's per-chunk
 * values in chunk order.
 *
 * <p>Chunk boundaries depend only on the range and the grain, never on the number of threads or on
 * timing, so a reduction gives the same bits at any thread count, nested or not.
 */
public final class ParallelLoop {

    /** The most chunks a range splits into; a larger range gets longer chunks. */
    public static final int MAX_CHUNKS = 1024;

    private static final Set<String> SEQUENTIAL_DURING_INIT = ConcurrentHashMap.newKeySet();
    private static volatile PrintStream notices;

    private ParallelLoop() {
    }

    /**
     * Where one-time notices go (log level {@code info} and above); called by the agent once.
     *
     * @param out the stream, or null for none
     */
    public static void notices(PrintStream out) {
        notices = out;
    }

    /**
     * Called instead of {@link #run} by a loop whose class is still being initialized (its static
     * initializer called the loop's method): the pool's workers would wait for that initialization
     * to enter the class's chunk method, while it waits for them. The loop then runs as written;
     * this says so, once per loop.
     *
     * @param site  {@code Class.method}
     * @param owner the class's binary name
     */
    public static void sequentialDuringInit(String site, String owner) {
        PrintStream out = notices;
        if (out != null && SEQUENTIAL_DURING_INIT.add(site)) {
            out.println("[hotloop] " + site + " runs its parallel loop sequentially while class " + owner
                    + " is being initialized (its static initializer called it, and the pool's workers cannot enter the"
                    + " class before that ends); later calls run in parallel");
        }
    }

    /**
     * Sets the size of the shared pool and whether long loops print progress; called by the agent
     * once, before the first rewritten class runs. A new size takes effect for loops started after
     * the call.
     *
     * @param threads  workers of the shared pool, at least 1
     * @param progress whether loops that run longer than a second print progress lines
     */
    public static void configure(int threads, boolean progress) {
        SharedPool.resize(threads);
        Progress.enable(progress);
    }

    /**
     * @param from  the first iteration
     * @param to    one past the last iteration
     * @param grain the fewest iterations per chunk, at least 1
     * @return how many chunks the range splits into: 1 when it holds at most {@code grain}
     *     iterations (or none), else at most {@link #MAX_CHUNKS}
     */
    public static int chunks(int from, int to, int grain) {
        long n = (long) to - from;
        if (n <= grain) {
            return 1;
        }
        long size = Math.max(grain, (n + MAX_CHUNKS - 1) / MAX_CHUNKS);
        return (int) ((n + size - 1) / size);
    }

    /**
     * @param list the receiver of a for-each loop's {@code iterator()} call
     * @return its size when it is a {@link List} with fast indexed access ({@link RandomAccess}),
     *     else -1: the loop then runs its iterator as written
     */
    public static int randomAccessSize(Object list) {
        return list instanceof RandomAccess && list instanceof List<?> l ? l.size() : -1;
    }

    /**
     * Runs every chunk of the range and returns when all have finished. The calling thread takes
     * chunks too; up to {@code threads - 1} workers of the shared pool help it, none when the
     * caller already runs inside a parallel loop. When chunks fail, the exception of the lowest
     * failing chunk, which holds the first failing iteration, is rethrown as it was thrown, after
     * the chunks below it have finished; chunks not yet started above it are skipped.
     *
     * @param body    the outlined loop body
     * @param from    the first iteration
     * @param to      one past the last iteration
     * @param chunks  what {@link #chunks} returned for the range
     * @param threads the most threads for this loop, the caller included; -1 for the pool's size
     * @param site    {@code Class.method}, for progress lines
     */
    public static void run(ChunkBody body, int from, int to, int chunks, int threads, String site) {
        int size = (int) ((((long) to - from) + chunks - 1) / chunks);
        LoopRun run = new LoopRun(body, from, to, chunks, size);
        if (LoopRun.nested()) {
            run.sequentially();
            return;
        }
        int workers = Math.min(chunks, threads > 0 ? Math.min(threads, SharedPool.size()) : SharedPool.size());
        long iterations = (long) to - from;
        ParallelChoice choice = workers > 1 ? ParallelChoice.at(site) : null;
        if (choice == null) {
            run.inParallel(workers, Progress.start(site, workers, iterations));
            return;
        }
        boolean sequential = choice.sequential(iterations);
        long start = System.nanoTime();
        if (sequential) {
            run.sequentially();
        } else {
            run.inParallel(workers, Progress.start(site, workers, iterations));
        }
        choice.record(sequential, iterations, System.nanoTime() - start, workers);
    }

    /**
     * Turns on the measured choice between the pool and a sequential run for short loops
     * ({@link ParallelChoice}); called by the agent once, with the other settings.
     *
     * @param decisions where each loop's decision is printed, or null
     */
    public static void measure(PrintStream decisions) {
        ParallelChoice.configure(true, decisions);
    }

    /** @return how each measured loop was settled, in the order of the decisions */
    public static List<ParallelRecord> decisions() {
        return ParallelChoice.records();
    }
}
