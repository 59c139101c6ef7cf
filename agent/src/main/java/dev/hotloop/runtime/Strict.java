package dev.hotloop.runtime;

/** What a method that strict mode refused calls on entry. */
public final class Strict {

    private Strict() {
    }

    /**
     * Always throws.
     *
     * @param diagnostic the agent's message for the method
     * @throws HotloopStrictError always, with the diagnostic as message
     */
    public static void fail(String diagnostic) {
        throw new HotloopStrictError("[hotloop strict] " + diagnostic);
    }
}
