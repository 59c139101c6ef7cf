package dev.hotloop.agent.vector;

import dev.hotloop.agent.report.RefusalCode;

/**
 * Why a loop stays as written, in words a user can act on. Thrown by the lifter and the legality
 * check, caught by {@link VectorStrategy}, which turns it into the report line.
 */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    /** Longest expression text a reason quotes in full. */
    private static final int QUOTED = 80;

    private final RefusalCode code;

    /**
     * @param code   the stable code of the reason
     * @param reason what the loop does that SIMD code cannot, and the fix when there is one
     */
    Refusal(RefusalCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    /** @return the stable code of the reason */
    RefusalCode code() {
        return code;
    }

    /** @return {@code e} as the IR prints it, cut to {@value #QUOTED} characters for a report line */
    static String brief(Object e) {
        String s = String.valueOf(e);
        return s.length() <= QUOTED ? s : s.substring(0, QUOTED - 3) + "...";
    }
}
