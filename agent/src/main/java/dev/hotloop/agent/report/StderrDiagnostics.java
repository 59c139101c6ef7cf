package dev.hotloop.agent.report;

import dev.hotloop.agent.options.LogLevel;
import java.io.PrintStream;

/** Prints {@code [hotloop] message} lines to a stream, standard error by default. */
public final class StderrDiagnostics implements Diagnostics {

    private final LogLevel threshold;
    private final PrintStream out;

    /**
     * @param threshold the most detailed level printed
     */
    public StderrDiagnostics(LogLevel threshold) {
        this(threshold, System.err);
    }

    StderrDiagnostics(LogLevel threshold, PrintStream out) {
        this.threshold = threshold;
        this.out = out;
    }

    @Override
    public void log(LogLevel level, String message) {
        if (threshold.allows(level)) {
            String prefix = level == LogLevel.WARN && !message.startsWith("ERROR ") ? "[hotloop] WARN " : "[hotloop] ";
            out.println(prefix + message);
        }
    }

    @Override
    public boolean enabled(LogLevel level) {
        return threshold.allows(level);
    }
}
