package dev.hotloop.agent.report;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Says, as each class loads, what the agent did to each annotated method, and records it for the
 * exit report. Plays the part of Byte Buddy's {@code AgentBuilder.Listener}.
 */
public final class LoadTimeReporter {

    private final Diagnostics diagnostics;
    private final MethodCatalog catalog;
    private final boolean vectorApiResolved;
    private final AtomicBoolean vectorWarned = new AtomicBoolean();

    /**
     * @param diagnostics       where lines go
     * @param catalog           where records go
     * @param vectorApiResolved whether {@code jdk.incubator.vector} is in the boot layer
     */
    public LoadTimeReporter(Diagnostics diagnostics, MethodCatalog catalog, boolean vectorApiResolved) {
        this.diagnostics = diagnostics;
        this.catalog = catalog;
        this.vectorApiResolved = vectorApiResolved;
    }

    /**
     * @param methods one per annotated method of a class that was transformed, or whose rewrite
     *                came from the cache (with the transform time it took when it was made)
     */
    public void onTransformed(List<MethodReport> methods) {
        for (MethodReport m : methods) {
            if (!vectorApiResolved && m.needsVectorApi() && vectorWarned.compareAndSet(false, true)) {
                diagnostics.warn("jdk.incubator.vector is not resolved: add --add-modules jdk.incubator.vector "
                        + "to the java command; @Vectorize loops run as scalar loops");
            }
            MethodRecord r = m.record();
            diagnostics.info(r.diagnostic() + " (transform " + Durations.millisOneDecimal(r.transformNanos()) + " ms)");
            catalog.add(r);
            TransformEvents.emit(r);
        }
    }

    /**
     * @param className internal name of the class
     * @param error     what went wrong
     * @param version   the agent's version
     */
    public void onError(String className, Throwable error, String version) {
        diagnostics.error("could not transform " + (className == null ? "a class without name" : className.replace('/', '.'))
                + " (hotloop " + version + "): " + error + "; the class keeps its original bytes");
    }
}
