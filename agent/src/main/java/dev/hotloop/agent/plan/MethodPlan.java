package dev.hotloop.agent.plan;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import java.util.List;
import java.util.StringJoiner;

/**
 * Every decision for one annotated method, and the one-line report the agent prints for it.
 *
 * @param method    the method
 * @param decisions one per annotation and targeted loop, in source order
 */
public record MethodPlan(AnnotatedMethod method, List<LoopDecision> decisions) {

    /** @return whether an annotated loop was left as written (strict mode fails such methods) */
    public boolean anyRefused() {
        for (LoopDecision d : decisions) {
            if (!d.rewritten()) {
                return true;
            }
        }
        return false;
    }

    /** @return whether any loop was rewritten */
    public boolean anyRewritten() {
        for (LoopDecision d : decisions) {
            if (d.rewritten()) {
                return true;
            }
        }
        return false;
    }

    /** @return whether a loop was rewritten to run in parallel */
    public boolean anyParallel() {
        for (LoopDecision d : decisions) {
            if (d.rewritten() && d.annotation().kind() == HotloopAnnotation.Kind.PARALLEL) {
                return true;
            }
        }
        return false;
    }

    /** @return the first reported line, or -1 */
    public int line() {
        for (LoopDecision d : decisions) {
            if (d.line() >= 0) {
                return d.line();
            }
        }
        return -1;
    }

    /** @return the report's "rewrite" column: what the loops became, shortest form */
    public String rewrite() {
        if (!anyRewritten()) {
            return "not rewritten";
        }
        StringJoiner j = new StringJoiner("; ");
        for (LoopDecision d : decisions) {
            j.add(d.rewritten() ? d.summary() : "not rewritten");
        }
        return j.toString();
    }

    /**
     * @return the method's name, then per decision its line and summary and, for a rewrite with a
     *     plan, that plan indented: what {@code log=debug} prints and {@code dump=} writes
     */
    public String describe() {
        StringBuilder b = new StringBuilder(method.displayName());
        for (LoopDecision d : decisions) {
            b.append("\n  ").append(d.line() >= 0 ? "line " + d.line() + ": " : "").append(d.summary());
            String plan = d.rewrite() == null ? null : d.rewrite().describe();
            if (plan != null) {
                for (String line : plan.split("\n")) {
                    b.append("\n    ").append(line);
                }
            }
        }
        return b.toString();
    }

    /**
     * @return {@code com.acme.Stats.dot(float[],float[]) line 42: SIMD float x16, ...}, with one
     *     {@code line N: ...} part per decision
     */
    public String reportLine() {
        StringBuilder b = new StringBuilder(method.displayName());
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < decisions.size(); i++) {
            LoopDecision d = decisions.get(i);
            if (d.line() >= 0 && d.line() != last) {
                b.append(i == 0 ? " " : "; ").append("line ").append(d.line()).append(": ");
            } else {
                b.append(i == 0 ? ": " : "; ");
            }
            last = d.line();
            b.append(d.summary());
        }
        return b.toString();
    }
}
