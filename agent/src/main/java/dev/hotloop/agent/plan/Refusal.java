package dev.hotloop.agent.plan;

import dev.hotloop.agent.report.RefusalCode;

/**
 * Why a loop stays as written, in words a user can act on, with its stable {@link RefusalCode}:
 * the one refusal type of both strategies. Thrown by the recognition and legality stages (SIMD and
 * parallel alike), caught by the strategy, which turns it into the report's reason.
 */
public final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    /** Longest expression text a reason quotes in full. */
    private static final int QUOTED = 80;

    private final RefusalCode code;

    /**
     * @param code   the stable code of the reason
     * @param reason what the loop does that the rewrite cannot handle, and the fix when there is one
     */
    public Refusal(RefusalCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    /** @return the stable code of the reason */
    public RefusalCode code() {
        return code;
    }

    /** @return {@code e} as the IR prints it, cut to {@value #QUOTED} characters for a report line */
    public static String brief(Object e) {
        String s = String.valueOf(e);
        return s.length() <= QUOTED ? s : s.substring(0, QUOTED - 3) + "...";
    }
}
