package dev.hotloop.agent;

/** Whether the JDK Vector API can be used by rewritten code in this JVM. */
public final class VectorApi {

    /** The module that must be resolved at JVM start. */
    public static final String MODULE = "jdk.incubator.vector";

    private VectorApi() {
    }

    /** @return whether {@code jdk.incubator.vector} is in the boot layer */
    public static boolean resolved() {
        // Not findModule: for a module that is absent it walks the parent layers with a stream,
        // which loads some fifty java.util.stream classes at start-up.
        for (Module m : ModuleLayer.boot().modules()) {
            if (MODULE.equals(m.getName())) {
                return true;
            }
        }
        return false;
    }
}
