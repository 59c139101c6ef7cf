package dev.hotloop.bench.vector;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link ScalarKernels} rewritten by the agent with its default report: the timing probes on, and
 * the exit table on the fork's standard error, which JMH prints in its log. {@link ReportAgreement}
 * compares each kernel's {@code steady/call} in that table with JMH's own time per call in the same
 * fork ({@code scripts/report-check.sh}).
 */
@Fork(value = 1, jvmArgsAppend = {
    "-javaagent:agent/target/hotloop-agent.jar=log=warn,cache=off", "--add-modules", "jdk.incubator.vector"})
public class ReportedKernelBenchmark extends ScalarKernelBenchmark {
}
