package dev.hotloop.agent.report;

/**
 * One row of the exit report: an annotated method, what it became, and what it cost.
 *
 * @param method             {@code com.acme.Stats.dot(float[],float[])}
 * @param line               first reported source line, or -1
 * @param rewrite            what the loops became, or {@code not rewritten}
 * @param diagnostic         the load-time line
 * @param transformNanos     time the agent spent transforming it
 * @param calls              calls made
 * @param firstCallNanos     the first call, JIT compilation included; -1 when never called
 * @param steadyNanosPerCall mean of later calls; -1 when called at most once
 * @param totalNanos         time spent in the method, all calls
 */
public record ReportRow(String method, int line, String rewrite, String diagnostic, long transformNanos,
                        long calls, long firstCallNanos, double steadyNanosPerCall, double totalNanos) {
}
