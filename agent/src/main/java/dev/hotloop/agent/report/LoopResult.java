package dev.hotloop.agent.report;

import dev.hotloop.runtime.tier.TierRecord;
import java.util.List;

/**
 * One annotated loop at exit: what the agent decided at transformation, joined with what the
 * run-time measurement chose for a tiered SIMD loop.
 *
 * @param loop the decision
 * @param tier the measurement of a SIMD loop, or null (not a SIMD loop, or not measured yet)
 */
public record LoopResult(LoopRecord loop, TierRecord tier) {

    /** {@link #outcome()}: the rewrite is in place (for a SIMD loop: runs, or is still to be measured). */
    public static final String REWRITTEN = "rewritten";
    /** {@link #outcome()}: a SIMD form was made, but the original loop runs (measured slower, or not measurable). */
    public static final String KEPT = "kept";
    /** {@link #outcome()}: not rewritten; {@code code} says why. */
    public static final String REFUSED = "refused";

    /** @return {@link #REWRITTEN}, {@link #KEPT} or {@link #REFUSED} */
    public String outcome() {
        if (!loop.rewritten()) {
            return REFUSED;
        }
        return tier != null && !tier.simd() ? KEPT : REWRITTEN;
    }

    /**
     * @return for a rewritten SIMD loop, the form that runs: {@code simd}, {@code original} (measured
     *     slower), {@code unmeasured} (the measurement could not run) or {@code pending} (not measured
     *     yet: the loop has not done enough work); null for other loops
     */
    public String tierState() {
        if (!loop.rewritten() || !LoopRecord.VECTORIZE.equals(loop.kind())) {
            return null;
        }
        if (tier == null) {
            return "pending";
        }
        if (!tier.measured()) {
            return "unmeasured";
        }
        return tier.simd() ? "simd" : "original";
    }

    /** @return original time over rewritten time, as measured; NaN when not measured */
    public double speedup() {
        return tier == null ? Double.NaN : tier.speedup();
    }

    /** @return the generic fix of the refusal, or null */
    public String fix() {
        return loop.code() == null ? null : loop.code().fix();
    }

    /**
     * @param method  the method's display name
     * @param loops   its loop decisions
     * @param tiers   every measurement of this run
     * @return the loops with their measurements; the last measurement of a site wins
     */
    static List<LoopResult> join(String method, List<LoopRecord> loops, List<TierRecord> tiers) {
        LoopResult[] out = new LoopResult[loops.size()];
        for (int i = 0; i < out.length; i++) {
            LoopRecord l = loops.get(i);
            TierRecord match = null;
            if (l.rewritten() && LoopRecord.VECTORIZE.equals(l.kind())) {
                String site = method + " line " + l.line();
                // a @Parallel @Vectorize loop is measured in its chunk method, Owner.hotloop$parallel$N(...)
                String chunk = owner(method) + ".hotloop$";
                for (TierRecord t : tiers) {
                    if (t.site().equals(site)) {
                        match = t;
                    }
                }
                for (TierRecord t : match != null ? List.<TierRecord>of() : tiers) {
                    if (t.site().startsWith(chunk) && t.site().endsWith(")" + site.substring(method.length()))) {
                        match = t;
                    }
                }
            }
            out[i] = new LoopResult(l, match);
        }
        return List.of(out);
    }

    /** @return {@code com.acme.Stats} of {@code com.acme.Stats.dot(float[])} */
    private static String owner(String method) {
        int paren = method.indexOf('(');
        int dot = method.lastIndexOf('.', paren < 0 ? method.length() : paren);
        return dot < 0 ? method : method.substring(0, dot);
    }
}
