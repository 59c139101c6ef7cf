package dev.hotloop.bench.vector;

import org.openjdk.jmh.annotations.Fork;

/** {@link WarmupBenchmark} on the plain JVM. Ten fresh JVMs per sample size. */
@Fork(10)
public class PlainWarmupBenchmark extends WarmupBenchmark {
}
