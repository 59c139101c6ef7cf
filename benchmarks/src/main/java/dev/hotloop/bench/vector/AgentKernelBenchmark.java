package dev.hotloop.bench.vector;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link ScalarKernels} rewritten by the agent. The path is relative: run from the repository
 * root, after building the agent jar ({@code scripts/vector-bench.sh} does both). {@code report=off}
 * leaves out the timing probes, whose cost {@code ProbeOverheadBenchmark} measures, so that the
 * loops alone are compared; the load-time lines still say what each loop became.
 */
@Fork(value = 1, jvmArgsAppend = {
    "-javaagent:agent/target/hotloop-agent.jar=report=off", "--add-modules", "jdk.incubator.vector"})
public class AgentKernelBenchmark extends ScalarKernelBenchmark {
}
