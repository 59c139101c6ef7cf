package dev.hotloop.agent.options;

import java.util.Locale;

/** How much the agent prints while classes load. */
public enum LogLevel {
    OFF, WARN, INFO, DEBUG;

    /**
     * @param level a level the caller wants to print at
     * @return whether this threshold lets a message of that level through
     */
    public boolean allows(LogLevel level) {
        return level != OFF && level.ordinal() <= ordinal();
    }

    static LogLevel parse(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        for (LogLevel level : values()) {
            if (level.name().equals(v)) {
                return level;
            }
        }
        throw new IllegalArgumentException("expected off, warn, info or debug");
    }
}
