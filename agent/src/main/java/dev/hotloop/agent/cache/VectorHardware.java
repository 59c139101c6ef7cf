package dev.hotloop.agent.cache;

import dev.hotloop.agent.PreferredShape;
import dev.hotloop.agent.VectorApi;

/**
 * What the class cache's key holds of the hardware: the architecture and the vector size the
 * Vector API prefers on this JVM ({@link PreferredShape}), which is what the code generator sizes
 * its vectors by. The processor, {@code -XX:MaxVectorSize} and {@code -XX:UseAVX} all act through
 * it, so a cache directory shared between machines, or a JVM started with other vector flags,
 * never serves code made for other vectors. Asking the JVM costs 0.5 ms; reading the processor's
 * flags and the JVM's command line for the same purpose cost 3 ms of a cold JVM.
 */
final class VectorHardware {

    private VectorHardware() {
    }

    /** @return the fingerprint, one string; call only where vectorization can happen */
    static String fingerprint() {
        int bits = VectorApi.resolved() ? PreferredShape.bits() : 0;
        return System.getProperty("os.arch", "?") + ";bits=" + bits;
    }
}
