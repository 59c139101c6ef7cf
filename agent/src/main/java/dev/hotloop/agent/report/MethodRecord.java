package dev.hotloop.agent.report;

import java.util.List;

/**
 * What the agent knows of an annotated method from its transformation.
 *
 * @param id             its id in {@code dev.hotloop.runtime.Timings}, or -1 when not timed
 * @param method         {@code com.acme.Stats.dot(float[],float[])}
 * @param line           first reported source line, or -1
 * @param rewrite        what its loops became, or {@code not rewritten}
 * @param diagnostic     the full load-time line
 * @param transformNanos time the agent spent on the method (analysis, code generation, checks)
 * @param loops          one per annotation and targeted loop, in source order
 */
public record MethodRecord(int id, String method, int line, String rewrite, String diagnostic, long transformNanos,
                           List<LoopRecord> loops) {

    /** A record without loop details (tests, and methods whose loops are not known). */
    public MethodRecord(int id, String method, int line, String rewrite, String diagnostic, long transformNanos) {
        this(id, method, line, rewrite, diagnostic, transformNanos, List.of());
    }

    /** @return the first refusal's code, or null when every loop was rewritten */
    public RefusalCode firstRefusal() {
        for (LoopRecord l : loops) {
            if (!l.rewritten()) {
                return l.code();
            }
        }
        return null;
    }
}
