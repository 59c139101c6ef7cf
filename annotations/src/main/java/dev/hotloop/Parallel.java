package dev.hotloop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the Hotloop agent to run the iterations of a loop on one process-wide ForkJoinPool, the
 * Java form of Joblib's {@code Parallel(n_jobs=-1)} and Numba's {@code prange}.
 *
 * <p>On a method, the method's outermost loop is parallelised. On the index variable of a loop,
 * only that loop is:
 *
 * <pre>{@code
 * @Parallel
 * static void add(double[] x, double[] y, double[] out) {
 *     for (int i = 0; i < out.length; i++) out[i] = x[i] + y[i];
 * }
 *
 * static void rows(double[][] m) {
 *     for (@Parallel(grain = 16) int r = 0; r < m.length; r++) normalise(m[r]);
 * }
 * }</pre>
 *
 * <p>By annotating, you assert that iterations are independent. Reductions of locals
 * ({@code s += ...}, {@code min}, {@code max}, counters) are combined per chunk in index order, so
 * the result does not depend on the number of threads. An exception thrown by an iteration reaches
 * the caller with its original type and message. A {@code @Parallel} method called from inside a
 * parallel loop runs sequentially. Small loops that would not pay for the split run sequentially.
 *
 * <p>The annotation has no effect without the agent ({@code -javaagent:hotloop-agent.jar}).
 * Combine it with {@link Vectorize} to run the SIMD loop inside each chunk.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE_USE})
public @interface Parallel {

    /**
     * The most workers this loop uses. {@code -1} (the default) uses every worker of the shared
     * pool, whose size is the agent option {@code threads} (all cores unless set). {@code 0} and
     * values below {@code -1} leave the loop sequential, reported with the reason.
     *
     * @return the maximum number of workers, or {@code -1} for all
     */
    int threads() default -1;

    /**
     * The fewest iterations one task runs. {@code 0} (the default) lets the agent choose from the
     * loop's size and the pool's size. A negative value leaves the loop sequential, reported with
     * the reason.
     *
     * @return the minimum iterations per task, or {@code 0} for automatic
     */
    int grain() default 0;
}
