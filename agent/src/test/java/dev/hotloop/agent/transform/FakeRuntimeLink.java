package dev.hotloop.agent.transform;

import dev.hotloop.runtime.Timings;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@link RuntimeLink} for tests: the runtime is already on the test class path, so
 * {@link #ensureVisible()} only counts; ids come from the real {@link Timings}, under keys made
 * unique to this link so that tests sharing the JVM's one registry never share counters.
 */
final class FakeRuntimeLink implements RuntimeLink {

    private final String prefix = "test-" + UUID.randomUUID() + "/";
    private final List<String> keys = new ArrayList<>();
    private int visibleCalls;
    private int prepareCalls;

    @Override
    public synchronized void ensureVisible() {
        visibleCalls++;
    }

    @Override
    public synchronized void prepare() {
        prepareCalls++;
    }

    synchronized int prepareCalls() {
        return prepareCalls;
    }

    @Override
    public synchronized int timingId(String key) {
        keys.add(key);
        return Timings.register(prefix + key);
    }

    synchronized int visibleCalls() {
        return visibleCalls;
    }

    synchronized List<String> keys() {
        return List.copyOf(keys);
    }
}
