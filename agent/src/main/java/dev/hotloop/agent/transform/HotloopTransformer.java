package dev.hotloop.agent.transform;

import dev.hotloop.agent.filter.ClassFilter;
import dev.hotloop.agent.report.LoadTimeReporter;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;

/**
 * The {@link ClassFileTransformer} the agent registers. It filters (name, then constant pool),
 * delegates to {@link ClassRewriter}, and never lets anything escape: a failure is reported with
 * the class name and agent version, and the class loads with its original bytes.
 */
public final class HotloopTransformer implements ClassFileTransformer {

    private final DeferredRewriter rewriter;
    private final CachedRewrites cache;
    private final OriginalRestorer restorer;
    private final LoadTimeReporter reporter;
    private final String version;
    private final RewrittenClasses rewritten = new RewrittenClasses();

    /**
     * @param rewriter  does the work
     * @param reporter  hears about each transformed class
     * @param version   the agent's version, for error lines
     */
    public HotloopTransformer(ClassRewriter rewriter, LoadTimeReporter reporter, String version) {
        this(new DeferredRewriter(rewriter), reporter, version);
    }

    /**
     * @param rewriter  does the work, built when the first annotated class arrives
     * @param reporter  hears about each transformed class
     * @param version   the agent's version, for error lines
     */
    public HotloopTransformer(DeferredRewriter rewriter, LoadTimeReporter reporter, String version) {
        this(rewriter, null, reporter, version);
    }

    /**
     * @param rewriter  does the work, built when the first annotated class arrives
     * @param cache     the cache of rewritten classes, consulted first; null when off
     * @param reporter  hears about each transformed class
     * @param version   the agent's version, for error lines
     */
    public HotloopTransformer(DeferredRewriter rewriter, CachedRewrites cache, LoadTimeReporter reporter, String version) {
        this(rewriter, cache, null, reporter, version);
    }

    /**
     * @param rewriter  does the work, built when the first annotated class arrives
     * @param cache     the cache of rewritten classes, consulted first; null when off
     * @param restorer  the loops settled on their original form, whose methods a retransformation
     *                  gives back their original bytecode; null for none
     * @param reporter  hears about each transformed class
     * @param version   the agent's version, for error lines
     */
    public HotloopTransformer(DeferredRewriter rewriter, CachedRewrites cache, OriginalRestorer restorer,
                              LoadTimeReporter reporter, String version) {
        this.rewriter = rewriter;
        this.cache = cache;
        this.restorer = restorer;
        this.reporter = reporter;
        this.version = version;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (!ClassFilter.accepts(className, bytes)) {
            return null;
        }
        try {
            // Retransformed or redefined by another agent (or by the attach): the rewrite runs again
            // with the permission it had the first time, so a class that gained methods and fields
            // gets the same ones again (the rewrite is deterministic), and one first rewritten on
            // attach gains none. Only a class seen for the first time is reported.
            Boolean before = redefined == null ? null : rewritten.addedMembers(loader, className);
            boolean mayAddMembers = redefined == null || Boolean.TRUE.equals(before);
            String key = cache != null && redefined == null ? cache.key(bytes) : null; // another agent's variant: not cached
            if (key != null) {
                CachedRewrites.Replay hit = cache.replay(key, loader);
                if (hit != null) {
                    if (hit.bytes() != null) {
                        rewriter.formsOfReplayed(loader, className, bytes);
                    }
                    rewritten.record(loader, className, mayAddMembers);
                    if (before == null && !hit.reports().isEmpty()) {
                        reporter.onTransformed(hit.reports());
                    }
                    return hit.bytes();
                }
            }
            Set<Integer> restored = restorer == null ? Set.of() : restorer.restored(redefined);
            TransformResult result = rewriter.get().rewrite(loader, bytes, mayAddMembers, restored);
            if (key != null) {
                cache.store(key, className, result);
            }
            rewritten.record(loader, className, mayAddMembers);
            if (before == null && !result.plans().isEmpty()) {
                reporter.onTransformed(result.reports());
            }
            return result.bytes();
        } catch (Throwable t) {
            reporter.onError(className, t, version);
            return null;
        }
    }
}
