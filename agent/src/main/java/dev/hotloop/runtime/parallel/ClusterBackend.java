package dev.hotloop.runtime.parallel;

/**
 * Runs the chunks of a {@code @Parallel(cluster = true)} loop on a cluster. The agent's runtime
 * knows no cluster engine: it loads an implementation by name ({@link Cluster#BACKEND}) from the
 * application's class path, only when the agent option {@code cluster} is set. Not an API for users.
 *
 * <p>An implementation has a public constructor {@code (String masterUrl, boolean progress)}.
 */
public interface ClusterBackend {

    /**
     * Runs every chunk of the loop and merges its results into the loop's arguments, in chunk order:
     * written slices into the captured arrays, each chunk's partial value into the reduction arrays.
     *
     * @param loop the loop run
     * @return true when the loop ran on the cluster; false when it did not run at all and must run
     *     on the local pool (the backend has said why)
     * @throws RuntimeException (or any throwable, unchecked) the exception of the lowest failing
     *     iteration, as it was thrown there, after the chunks below it were merged
     */
    boolean run(ClusterLoop loop);
}
