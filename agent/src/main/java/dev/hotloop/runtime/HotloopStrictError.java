package dev.hotloop.runtime;

/**
 * Thrown by an annotated method whose loop the agent could not rewrite, when the agent runs with
 * {@code strict=true}. Its message is the agent's diagnostic: class, method, line and the rule
 * the loop broke. An {@link Error}, so that a {@code catch (Exception e)} in the program under
 * test does not hide it from CI.
 */
public final class HotloopStrictError extends Error {

    private static final long serialVersionUID = 1L;

    /**
     * @param diagnostic what the agent reported for the method
     */
    public HotloopStrictError(String diagnostic) {
        super(diagnostic);
    }
}
