package dev.hotloop.reliability;

import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import java.util.Map;
import java.util.TreeMap;

/**
 * Coverage counters of a fuzzing campaign: how many kernels ran, how many of their loops the agent
 * rewrote, and why it refused the others, so that a green run that rewrote nothing shows as such.
 */
final class FuzzStats {

    int kernels;
    int mustRefuse;
    int fastMath;
    long calls;
    int kernelsRewritten;
    int loopsRewritten;
    int loopsRefused;
    int classesChanged;
    /** Compiled runs ({@code FuzzCampaign.compiled}): kernels with a SIMD form, those C2 compiled, those deoptimized while compared. */
    int c2Kernels;
    int c2Proven;
    int c2Deoptimized;
    /** Kernels the JIT compiled whose SIMD form their inputs called too seldom to be compiled at all (short inner loops, say). */
    int c2SimdIdle;
    final java.util.List<String> c2Missed = new java.util.ArrayList<>();
    final Map<String, Integer> refusals = new TreeMap<>();
    final Map<String, Integer> rewrites = new TreeMap<>();
    /** Rewritten loops whose plan runs an {@code i != n} test or a narrow index as an int loop, under its guards. */
    int exitForms;
    /** Rewritten loops whose plan reads or writes a {@code boolean[]} (kernels from {@link Ty#BOOL_SEEDS} on). */
    int booleanLoops;
    /** Kernels that declare a {@code boolean[]} parameter, and those of them with a rewritten loop. */
    int booleanKernels;
    int booleanKernelsRewritten;

    void plan(MethodPlan plan) {
        boolean any = false;
        for (LoopDecision d : plan.decisions()) {
            if (d.annotation().kind() != HotloopAnnotation.Kind.VECTORIZE) {
                continue;
            }
            if (d.rewritten()) {
                loopsRewritten++;
                rewrites.merge(normalise(d.summary()), 1, Integer::sum);
                String text = d.rewrite().describe();
                exitForms += text != null && (text.contains("\n  exit: ") || text.contains("\n  index: ")) ? 1 : 0; // (a test's strategy may print none)
                booleanLoops += text != null && BOOLEAN_ACCESS.matcher(text).find() ? 1 : 0;
                any = true;
            } else {
                loopsRefused++;
                refusals.merge(normalise(d.summary()), 1, Integer::sum);
            }
        }
        kernelsRewritten += any ? 1 : 0;
        if (plan.method().method().desc.contains("[Z")) {
            booleanKernels++;
            booleanKernelsRewritten += any ? 1 : 0;
        }
    }

    private static final java.util.regex.Pattern BOOLEAN_ACCESS = java.util.regex.Pattern.compile("(?m)^  access [^\\n]*\\] boolean ");

    /** @return a decision's summary without the names and numbers that differ from kernel to kernel */
    static String normalise(String summary) {
        String s = summary.replaceAll("loop over [^ ;:,]+", "loop over <var>").replaceAll("\\b\\d+\\b", "N");
        return s.length() > 110 ? s.substring(0, 110) + "..." : s;
    }

    String describe() {
        StringBuilder b = new StringBuilder();
        b.append(kernels).append(" kernels (").append(fastMath).append(" fastMath, ").append(mustRefuse)
                .append(" with a shape that must be refused), ").append(calls).append(" calls compared\n");
        b.append(classesChanged).append(" classes changed by the rewriter; ").append(kernelsRewritten)
                .append(" kernels with a rewritten loop; loops rewritten ").append(loopsRewritten)
                .append(exitForms > 0 ? " (" + exitForms + " with an i != n test or a narrow index)" : "").append(", refused ")
                .append(loopsRefused).append('\n');
        if (booleanKernels > 0) {
            b.append(booleanKernels).append(" kernels with boolean[] arrays, ").append(booleanKernelsRewritten)
                    .append(" of them rewritten; ").append(booleanLoops).append(" rewritten loops read or write a boolean[]\n");
        }
        if (c2Kernels > 0) {
            b.append("C2 compiled the SIMD forms of ").append(c2Proven).append(" of ").append(c2Kernels)
                    .append(" rewritten kernels before the comparison; ").append(c2Deoptimized).append(" deoptimized during it\n");
            b.append(c2SimdIdle).append(" of the others were compiled themselves but called their SIMD form too seldom for any compilation\n");
            c2Missed.forEach(m -> b.append("  not compiled by C2: ").append(m).append('\n'));
        }
        rewrites.forEach((k, v) -> b.append(String.format("  rewritten %6d  %s%n", v, k)));
        refusals.forEach((k, v) -> b.append(String.format("  refused   %6d  %s%n", v, k)));
        return b.toString();
    }
}
