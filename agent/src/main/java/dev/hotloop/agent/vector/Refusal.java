package dev.hotloop.agent.vector;

/**
 * Why a loop stays as written, in words a user can act on. Thrown by the lifter and the legality
 * check, caught by {@link VectorStrategy}, which turns it into the report line.
 */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason what the loop does that SIMD code cannot, and the fix when there is one */
    Refusal(String reason) {
        super(reason, null, false, false);
    }
}
