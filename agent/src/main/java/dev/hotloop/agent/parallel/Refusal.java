package dev.hotloop.agent.parallel;

import dev.hotloop.agent.report.RefusalCode;

/**
 * Why a {@code @Parallel} loop stays sequential, thrown by the recognition and legality stages and
 * turned into the report's reason by {@link ParallelStrategy}. The message says what was found
 * and, where there is one, the fix.
 */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final RefusalCode code;

    /**
     * @param code   the stable code of the reason
     * @param reason what was found, and the fix where there is one
     */
    Refusal(RefusalCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    /** @return the stable code of the reason */
    RefusalCode code() {
        return code;
    }
}
