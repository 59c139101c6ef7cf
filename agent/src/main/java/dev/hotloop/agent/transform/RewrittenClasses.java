package dev.hotloop.agent.transform;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes Hotloop has rewritten in this JVM, by defining loader (held weakly) and name, and
 * whether their rewrite added members. When another agent retransforms or redefines one of them,
 * the JVM hands the transformer the class file as it was before Hotloop's rewrite; the rewrite is
 * then applied again, with the same added members (the rewrite is deterministic), because the JVM
 * refuses a retransformation that removes a method or a field. A class retransformed when Hotloop
 * attached never gained members, and gains none later.
 */
final class RewrittenClasses {

    private final Map<ClassLoader, Map<String, Boolean>> byLoader = new WeakHashMap<>();
    private final Map<String, Boolean> bootstrap = new ConcurrentHashMap<>();

    /**
     * @param loader       the defining loader, null for the bootstrap loader
     * @param className    internal name
     * @param addedMembers whether its rewrite was allowed to add methods and fields
     */
    void record(ClassLoader loader, String className, boolean addedMembers) {
        if (loader == null) {
            bootstrap.put(className, addedMembers);
            return;
        }
        synchronized (byLoader) {
            Map<String, Boolean> classes = byLoader.get(loader);
            if (classes == null) {
                classes = new ConcurrentHashMap<>();
                byLoader.put(loader, classes);
            }
            classes.put(className, addedMembers);
        }
    }

    /**
     * @param loader    the defining loader, null for the bootstrap loader
     * @param className internal name
     * @return whether the class's rewrite was allowed to add members (true), was not (false), or the
     *     class was never seen (null)
     */
    Boolean addedMembers(ClassLoader loader, String className) {
        if (loader == null) {
            return bootstrap.get(className);
        }
        synchronized (byLoader) {
            Map<String, Boolean> names = byLoader.get(loader);
            return names == null ? null : names.get(className);
        }
    }
}
