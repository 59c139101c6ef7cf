package dev.hotloop.bench.vector;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link WarmupBenchmark} with the agent, as {@link AgentKernelBenchmark} runs it (run from the
 * repository root, after building the agent jar). Ten fresh JVMs per sample size.
 */
@Fork(value = 10, jvmArgsAppend = {
    "-javaagent:agent/target/hotloop-agent.jar=report=off", "--add-modules", "jdk.incubator.vector"})
public class AgentWarmupBenchmark extends WarmupBenchmark {
}
