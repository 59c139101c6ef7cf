package dev.hotloop.bench.vector;

import org.openjdk.jmh.annotations.Fork;

/** {@link ScalarKernels} on the plain JVM: no agent, no extra flag. */
@Fork(1)
public class PlainKernelBenchmark extends ScalarKernelBenchmark {
}
