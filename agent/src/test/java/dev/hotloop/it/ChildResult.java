package dev.hotloop.it;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a child JVM printed, and how it ended.
 *
 * @param command  its command line
 * @param env      the environment variables the test set
 * @param exitCode its exit status, or -1 when it was killed
 * @param stdout   everything on standard output
 * @param stderr   everything on standard error
 */
record ChildResult(List<String> command, Map<String, String> env, int exitCode, String stdout, String stderr) {

    static final String PREFIX = "[hotloop] ";

    /** @return the lines of standard error that the agent printed, in order */
    List<String> hotloopLines() {
        return stderr.lines().filter(l -> l.startsWith("[hotloop]")).collect(Collectors.toList());
    }

    /** @return the agent's lines that start with {@code [hotloop] ERROR} */
    List<String> errorLines() {
        return stderr.lines().filter(l -> l.startsWith(PREFIX + "ERROR")).collect(Collectors.toList());
    }

    /** @return the agent's lines that start with {@code [hotloop] WARN} */
    List<String> warnLines() {
        return stderr.lines().filter(l -> l.startsWith(PREFIX + "WARN")).collect(Collectors.toList());
    }

    /**
     * @param cls an app class
     * @return the load-time lines of that class's annotated methods, {@code [hotloop] app.Cls.m(...) ...}
     */
    List<String> loadLines(Class<?> cls) {
        return loadLines(cls.getName());
    }

    /**
     * @param className a class name, {@code app.Cls}
     * @return the load-time lines of that class's annotated methods
     */
    List<String> loadLines(String className) {
        String start = PREFIX + className + ".";
        return stderr.lines().filter(l -> l.startsWith(start)).collect(Collectors.toList());
    }

    /** @return whether standard error holds the exit table */
    boolean hasExitTable() {
        return stderr.contains(PREFIX + "exit report:");
    }

    /** @return everything a reader needs to see why a test on this child failed */
    String describe() {
        StringBuilder b = new StringBuilder("\n--- child JVM ---\n");
        env.forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
        b.append(String.join(" ", command)).append("\nexit status ").append(exitCode)
                .append("\n--- stdout ---\n").append(stdout)
                .append("\n--- stderr ---\n").append(stderr).append("\n--- end ---");
        return b.toString();
    }
}
