package dev.hotloop.runtime.parallel;

/**
 * One chunk of a parallel loop: the loop's body outlined by the agent into a method that runs
 * iterations {@code from} (inclusive) to {@code to} (exclusive), called through a lambda that
 * carries the loop's captured values. Not an API for users.
 */
@FunctionalInterface
public interface ChunkBody {

    /**
     * @param chunk the chunk's index, 0 for the lowest iterations; where its reductions go
     * @param from  the first iteration
     * @param to    one past the last iteration
     */
    void run(int chunk, int from, int to);
}
