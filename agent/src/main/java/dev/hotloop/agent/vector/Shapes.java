package dev.hotloop.agent.vector;

/**
 * The vector size the running JVM prefers ({@code VectorShape.preferredShape()}), read
 * reflectively: the agent is compiled without {@code jdk.incubator.vector}, which is only present
 * when the program was started with {@code --add-modules jdk.incubator.vector}.
 */
final class Shapes {

    private Shapes() {
    }

    /** @return the preferred vector size in bits, or 0 when the Vector API is not available */
    static int preferredBits() {
        try {
            Class<?> shape = Class.forName("jdk.incubator.vector.VectorShape", false, null);
            Object preferred = shape.getMethod("preferredShape").invoke(null);
            return (Integer) shape.getMethod("vectorBitSize").invoke(preferred);
        } catch (ReflectiveOperationException | LinkageError e) {
            return 0;
        }
    }
}
