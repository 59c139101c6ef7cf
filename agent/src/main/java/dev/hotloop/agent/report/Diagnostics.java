package dev.hotloop.agent.report;

import dev.hotloop.agent.options.LogLevel;

/**
 * Where the agent says what it did. The agent uses no logging framework: production writes to
 * standard error ({@link StderrDiagnostics}); tests record.
 */
public interface Diagnostics {

    /**
     * @param level   how important the message is
     * @param message one line, without the {@code [hotloop]} prefix
     */
    void log(LogLevel level, String message);

    /**
     * @param level a level
     * @return whether a message at that level would be printed (to skip building it)
     */
    boolean enabled(LogLevel level);

    default void warn(String message) {
        log(LogLevel.WARN, message);
    }

    default void info(String message) {
        log(LogLevel.INFO, message);
    }

    default void debug(String message) {
        log(LogLevel.DEBUG, message);
    }

    /**
     * An internal failure the program survives: always printed unless logging is off.
     *
     * @param message one line that says what failed and what the agent did instead
     */
    default void error(String message) {
        log(LogLevel.WARN, "ERROR " + message);
    }
}
