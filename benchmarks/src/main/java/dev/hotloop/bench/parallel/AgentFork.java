package dev.hotloop.bench.parallel;

/**
 * The JVM argument that puts the agent in a benchmark's fork. The path is relative to the
 * repository root, where {@code scripts/parallel-bench.sh} runs JMH; the report is off so that the
 * exit table does not mix with JMH's output.
 */
final class AgentFork {

    static final String AGENT = "-javaagent:agent/target/hotloop-agent.jar=report=off";

    private AgentFork() {
    }
}
