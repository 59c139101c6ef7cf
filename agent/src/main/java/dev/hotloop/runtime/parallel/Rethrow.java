package dev.hotloop.runtime.parallel;

/** Rethrows a chunk's exception, checked or not, as the very object the iteration threw. */
final class Rethrow {

    private Rethrow() {
    }

    /**
     * @param t   what an iteration threw
     * @param <T> inferred as an unchecked type, so the compiler lets a checked exception through
     * @return never
     * @throws T always: {@code t} itself, with its type, message and the worker's stack
     */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> T unchecked(Throwable t) throws T {
        throw (T) t;
    }
}
