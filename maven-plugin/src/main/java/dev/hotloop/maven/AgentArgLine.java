package dev.hotloop.maven;

import java.nio.file.Path;

/**
 * The JVM arguments that start the Hotloop agent, and how they join an existing {@code argLine}.
 *
 * <p>Surefire and Failsafe split an {@code argLine} at white space, keeping a double-quoted (or
 * single-quoted) argument whole, as a shell would. So the {@code -javaagent:} argument is quoted
 * when its jar path or its options hold white space or a quote; the text is otherwise left as the
 * user wrote it, {@code @{...}} late-replacement placeholders included.
 */
final class AgentArgLine {

    /** Resolves the Vector API's incubator module, which every SIMD rewrite calls. */
    static final String ADD_MODULES = "--add-modules jdk.incubator.vector";

    private AgentArgLine() {
    }

    /**
     * @param agentJar the agent jar
     * @param options  the agent options, {@code key=value,key=value}, or empty
     * @return {@code -javaagent:<jar>=<options> --add-modules jdk.incubator.vector}, quoted where needed
     * @throws IllegalArgumentException when the jar path holds {@code =}, where the JVM would cut it
     */
    static String of(Path agentJar, String options) {
        if (agentJar.toString().indexOf('=') >= 0) {
            throw new IllegalArgumentException("the agent jar " + agentJar + " has '=' in its path, where the JVM"
                    + " would cut -javaagent:; use a local repository whose path has no '='");
        }
        String agent = "-javaagent:" + agentJar + (options.isEmpty() ? "" : "=" + options);
        return quote(agent) + " " + ADD_MODULES;
    }

    /**
     * Adds the agent to an existing value, after it, so that an agent already there (JaCoCo's, set by
     * its own prepare-agent) stays first and both run. A value that already holds these exact
     * arguments (the goal ran twice) is returned unchanged.
     *
     * @param existing the property's value so far, or null
     * @param agent    what {@link #of} returned
     * @return the new value
     */
    static String append(String existing, String agent) {
        if (existing == null || existing.isBlank()) {
            return agent;
        }
        if (existing.contains(agent)) {
            return existing;
        }
        return existing.strip() + " " + agent;
    }

    /**
     * Quotes one argument for an {@code argLine}: as is when it has no white space and no quote;
     * else in double quotes, or in single quotes when it holds a double quote.
     *
     * @param argument the argument
     * @return the argument, quoted where needed
     * @throws IllegalArgumentException when it holds both kinds of quote, which an argLine cannot carry
     */
    static String quote(String argument) {
        boolean space = argument.chars().anyMatch(Character::isWhitespace);
        boolean dq = argument.indexOf('"') >= 0;
        boolean sq = argument.indexOf('\'') >= 0;
        if (!space && !dq && !sq) {
            return argument;
        }
        if (dq && sq) {
            throw new IllegalArgumentException("the argument " + argument
                    + " holds both ' and \", which a Surefire argLine cannot quote; rename the path");
        }
        return dq ? "'" + argument + "'" : "\"" + argument + "\"";
    }
}
