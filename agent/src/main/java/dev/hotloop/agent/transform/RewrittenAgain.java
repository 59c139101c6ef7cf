package dev.hotloop.agent.transform;

/**
 * The outlined loop forms of a class replayed from the cache, which stores the rewritten class but
 * not its forms: they are made by rewriting the original class file again when the runtime first
 * asks for one (a loop reaching its measurement, on the warm-up thread), so a run whose loops never
 * get there loads no rewriting stage at all. The rewrite is deterministic: its loop numbers and the
 * forms' signatures are those of the replayed class.
 */
final class RewrittenAgain implements FormFiles {

    private final DeferredRewriter rewriter;
    private final ClassLoader loader;
    private final byte[] original;
    private FormFiles forms;

    /**
     * @param rewriter the agent's rewriter, built on first use
     * @param loader   the class's defining loader
     * @param original its original class file
     */
    RewrittenAgain(DeferredRewriter rewriter, ClassLoader loader, byte[] original) {
        this.rewriter = rewriter;
        this.loader = loader;
        this.original = original;
    }

    @Override
    public synchronized byte[] classFile(int loop) {
        if (forms == null) {
            LoopForms made = rewriter.build().rewrite(loader, original).forms();
            if (made == null) {
                return null;
            }
            forms = made;
        }
        return forms.classFile(loop);
    }
}
