/**
 * The run-time side of {@code @Parallel}: one process-wide ForkJoinPool, loops split into chunks
 * whose boundaries depend only on the range and the grain (so reductions combined in chunk order
 * give the same bits at any thread count), failures rethrown from the lowest failing chunk, and
 * nested parallel loops run sequentially. JDK only; on the bootstrap class path with the rest of
 * {@code dev.hotloop.runtime}. Not an API for users.
 */
package dev.hotloop.runtime.parallel;
