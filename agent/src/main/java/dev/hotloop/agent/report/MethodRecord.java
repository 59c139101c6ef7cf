package dev.hotloop.agent.report;

/**
 * What the agent knows of an annotated method from its transformation.
 *
 * @param id             its id in {@code dev.hotloop.runtime.Timings}, or -1 when not timed
 * @param method         {@code com.acme.Stats.dot(float[],float[])}
 * @param line           first reported source line, or -1
 * @param rewrite        what its loops became, or {@code not rewritten}
 * @param diagnostic     the full load-time line
 * @param transformNanos time the agent spent on the method (analysis, code generation, checks)
 */
public record MethodRecord(int id, String method, int line, String rewrite, String diagnostic, long transformNanos) {
}
