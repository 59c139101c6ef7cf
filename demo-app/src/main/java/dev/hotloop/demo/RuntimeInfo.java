package dev.hotloop.demo;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Tells the reader what the JVM will do with the annotations, without depending on the agent:
 * whether the Hotloop agent is loaded (it sets the system property {@value #AGENT_PROPERTY}) and
 * whether {@code jdk.incubator.vector} is resolved (without it, SIMD rewrites cannot run).
 */
final class RuntimeInfo {

    /** The system property that the agent sets to its version. */
    static final String AGENT_PROPERTY = "hotloop.agent.version";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private RuntimeInfo() {
    }

    /**
     * Returns the version of the loaded Hotloop agent.
     *
     * @return the version, or empty if no agent is loaded
     */
    static Optional<String> agentVersion() {
        return Optional.ofNullable(System.getProperty(AGENT_PROPERTY));
    }

    /**
     * Returns whether the Vector API module is in the boot layer.
     *
     * @return {@code true} if {@code jdk.incubator.vector} is resolved
     */
    static boolean vectorModuleResolved() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * Prints the JVM, the core count, the agent and the Vector API module, one line each.
     *
     * @param out where to print
     */
    static void print(PrintStream out) {
        out.println("java:    " + System.getProperty("java.vm.name") + " "
                + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        out.println("agent:   " + agentVersion()
                .map(v -> "Hotloop " + v + " loaded")
                .orElse("not loaded; annotations have no effect"
                        + " (add -javaagent:agent/target/hotloop-agent.jar)"));
        out.println("vector:  " + (vectorModuleResolved()
                ? VECTOR_MODULE + " resolved"
                : VECTOR_MODULE + " not resolved; SIMD rewrites cannot run"
                        + " (add --add-modules " + VECTOR_MODULE + ")"));
    }
}
