package dev.hotloop.agent.transform;

/**
 * How the rewriter reaches {@code dev.hotloop.runtime}, the classes rewritten code calls. The
 * agent makes them visible to every class loader before the first rewritten class is defined;
 * tests use the copy already on their class path.
 */
public interface RuntimeLink {

    /** Makes the runtime visible from every class loader; idempotent. */
    void ensureVisible();

    /** Does the slow part of {@link #ensureVisible()} ahead, making nothing visible; idempotent. */
    default void prepare() {
    }

    /**
     * @param key a key unique to one method of one class of one class loader
     * @return its id in {@code dev.hotloop.runtime.Timings}
     */
    int timingId(String key);

    /**
     * Hands the runtime a rewritten class's outlined loop forms, which it asks for when a loop is
     * first measured; the runtime is {@linkplain #ensureVisible() visible}.
     *
     * @param loader the class's defining loader (null for the bootstrap loader)
     * @param owner  its internal name
     * @param forms  its loops' forms
     */
    default void publish(ClassLoader loader, String owner, FormFiles forms) {
        PublishedForms.publish(loader, owner, forms);
    }
}
