package dev.hotloop.agent.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every annotated method the agent transformed in this JVM, for the exit report. A method
 * transformed again (retransformation, a second class loader) replaces its earlier record when it
 * has the same id.
 */
public final class MethodCatalog {

    private final Map<Object, MethodRecord> records = new LinkedHashMap<>();

    /**
     * @param record what the agent did to one method
     */
    public synchronized void add(MethodRecord record) {
        Object key = record.id() >= 0 ? (Object) record.id() : record.method() + "#" + records.size();
        records.put(key, record);
    }

    /** @return every record, in the order methods were first transformed */
    public synchronized List<MethodRecord> records() {
        return new ArrayList<>(records.values());
    }

    /** @return whether any method was recorded */
    public synchronized boolean isEmpty() {
        return records.isEmpty();
    }
}
