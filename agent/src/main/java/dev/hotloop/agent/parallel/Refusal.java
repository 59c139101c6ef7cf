package dev.hotloop.agent.parallel;

/**
 * Why a {@code @Parallel} loop stays sequential, thrown by the recognition and legality stages and
 * turned into the report's reason by {@link ParallelStrategy}. The message says what was found
 * and, where there is one, the fix.
 */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    Refusal(String reason) {
        super(reason, null, false, false);
    }
}
