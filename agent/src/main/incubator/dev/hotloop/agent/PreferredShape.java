package dev.hotloop.agent;

import jdk.incubator.vector.VectorShape;

/**
 * The vector size the running JVM prefers ({@code VectorShape.preferredShape()}): what the code
 * generator sizes its vectors by, and so what the class cache's key holds of the hardware. The one
 * class of the agent compiled against {@code jdk.incubator.vector} (source root
 * {@code src/main/incubator}), and called only where the module is resolved: the program was
 * started with {@code --add-modules jdk.incubator.vector}. A direct call costs a cold JVM 0.5 ms,
 * where the same call through reflection cost 11 ms (JDK 17) to 19 ms (JDK 25) of the first
 * annotated class's loading.
 */
public final class PreferredShape {

    private PreferredShape() {
    }

    /**
     * Call only where {@code jdk.incubator.vector} is resolved ({@code VectorApi.resolved()}).
     *
     * @return the preferred vector size in bits, or 0 when the Vector API cannot be linked
     */
    public static int bits() {
        try {
            return Query.bits();
        } catch (LinkageError e) {
            return 0;
        }
    }

    /** Refers to the Vector API: loaded only once the module is known to be resolved. */
    private static final class Query {
        static int bits() {
            return VectorShape.preferredShape().vectorBitSize();
        }
    }
}
