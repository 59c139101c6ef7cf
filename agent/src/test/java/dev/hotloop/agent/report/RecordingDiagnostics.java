package dev.hotloop.agent.report;

import dev.hotloop.agent.options.LogLevel;
import java.util.ArrayList;
import java.util.List;

/** {@link Diagnostics} that keeps every message, for tests to inspect. Thread-safe. */
public final class RecordingDiagnostics implements Diagnostics {

    /**
     * One recorded message.
     *
     * @param level   its level
     * @param message its text, without prefix
     */
    public record Entry(LogLevel level, String message) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void log(LogLevel level, String message) {
        entries.add(new Entry(level, message));
    }

    @Override
    public boolean enabled(LogLevel level) {
        return true;
    }

    /** @return every message so far, in order */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** @return the messages of {@link Diagnostics#error} calls */
    public synchronized List<String> errors() {
        return entries.stream().filter(e -> e.message().startsWith("ERROR ")).map(Entry::message).toList();
    }

    /**
     * @param level a level
     * @return the messages at that level, errors included for {@link LogLevel#WARN}
     */
    public synchronized List<String> at(LogLevel level) {
        return entries.stream().filter(e -> e.level() == level).map(Entry::message).toList();
    }
}
