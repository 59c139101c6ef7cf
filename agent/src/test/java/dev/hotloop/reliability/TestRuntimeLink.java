package dev.hotloop.reliability;

import dev.hotloop.agent.transform.RuntimeLink;
import dev.hotloop.runtime.Timings;
import java.util.UUID;

/**
 * A {@link RuntimeLink} for the harness: the runtime is on the test class path already, and timing
 * keys get a prefix of their own so that they never meet another test's in the JVM's registry.
 */
final class TestRuntimeLink implements RuntimeLink {

    private final String prefix = "reliability-" + UUID.randomUUID() + "/";

    @Override
    public void ensureVisible() {
        // Rewritten classes resolve dev.hotloop.runtime through the test class path.
    }

    @Override
    public int timingId(String key) {
        return Timings.register(prefix + key);
    }
}
