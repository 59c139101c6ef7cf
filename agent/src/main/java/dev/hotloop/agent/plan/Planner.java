package dev.hotloop.agent.plan;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.parallel.ParallelStrategy;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.vector.VectorStrategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;

/**
 * Maps each annotation of a method to the loops it targets and decides, loop by loop, what to do:
 * a method-level {@code @Vectorize} targets the innermost loops, a method-level {@code @Parallel}
 * the outermost ones, and an annotated index variable the loop it drives.
 *
 * <p>The planner applies the agent options; a {@link LoopStrategy} per annotation kind judges the
 * loop itself and supplies the rewrite.
 */
public final class Planner {

    /** Decisions in source order (a class, not a lambda: see vector.Walk). */
    private static final Comparator<LoopDecision> BY_LINE = new Comparator<>() {
        @Override
        public int compare(LoopDecision x, LoopDecision y) {
            return Integer.compare(x.line(), y.line());
        }
    };

    private final AgentOptions options;
    /** Appended to each {@code @Vectorize} verdict where the Vector API is not resolved. */
    static final String SCALAR_WITHOUT_VECTOR_API = "(runs scalar: jdk.incubator.vector not resolved)";

    private final boolean vectorApiResolved;
    private final SlotNames slotNames = new SlotNames();
    private final LoopStrategy vector;
    private final LoopStrategy parallel;

    /**
     * @param options           the agent's options
     * @param vectorApiResolved whether {@code jdk.incubator.vector} is in the boot layer
     */
    public Planner(AgentOptions options, boolean vectorApiResolved) {
        this(options, vectorApiResolved, new VectorStrategy(options), new ParallelStrategy(options));
    }

    /**
     * @param options           the agent's options
     * @param vectorApiResolved whether {@code jdk.incubator.vector} is in the boot layer
     * @param vector            judges {@code @Vectorize} loops
     * @param parallel          judges {@code @Parallel} loops
     */
    public Planner(AgentOptions options, boolean vectorApiResolved, LoopStrategy vector, LoopStrategy parallel) {
        this.options = options;
        this.vectorApiResolved = vectorApiResolved;
        this.vector = vector;
        this.parallel = parallel;
    }

    /**
     * @param method an annotated method
     * @param loops  its loops, from {@code LoopFinder}
     * @return a decision for every annotation and targeted loop
     */
    public MethodPlan plan(AnnotatedMethod method, List<Loop> loops) {
        return plan(method, loops, true);
    }

    /**
     * @param method        an annotated method
     * @param loops         its loops, from {@code LoopFinder}
     * @param mayAddMembers whether rewrites may add methods to the class (not on retransformation)
     * @return a decision for every annotation and targeted loop
     */
    public MethodPlan plan(AnnotatedMethod method, List<Loop> loops, boolean mayAddMembers) {
        return plan(method, MethodAnalysis.of(method.owner(), method.method()), loops, mayAddMembers);
    }

    /**
     * @param method        an annotated method
     * @param analysis      its analyses, shared with the strategies (and later the rewrites)
     * @param loops         its loops, {@link MethodAnalysis#loops}
     * @param mayAddMembers whether rewrites may add methods to the class (not on retransformation)
     * @return a decision for every annotation and targeted loop
     */
    public MethodPlan plan(AnnotatedMethod method, MethodAnalysis analysis, List<Loop> loops, boolean mayAddMembers) {
        List<LoopDecision> out = new ArrayList<>();
        for (HotloopAnnotation a : method.annotations()) {
            List<Loop> targets = targets(method, a, loops);
            if (targets.isEmpty()) {
                out.add(LoopDecision.refused(a, null, loops.isEmpty() ? -1 : loops.get(0).line(), RefusalCode.NO_LOOP, noLoop(a, loops)));
                continue;
            }
            for (Loop loop : targets) {
                out.add(decide(method, analysis, a, loop, mayAddMembers));
            }
        }
        out.sort(BY_LINE);
        for (int i = 0; i < out.size(); i++) {
            LoopDecision d = out.get(i);
            String explained = slotNames.explain(method, d.line(), d.summary());
            if (!explained.equals(d.summary())) {
                out.set(i, new LoopDecision(d.annotation(), d.loop(), d.line(), d.rewritten(), explained, d.rewrite(), d.code()));
            }
        }
        return new MethodPlan(method, List.copyOf(out));
    }

    /**
     * @param method an annotated abstract or native method
     * @return the plan that says there is nothing to rewrite
     */
    public MethodPlan planWithoutCode(AnnotatedMethod method) {
        List<LoopDecision> out = new ArrayList<>();
        for (HotloopAnnotation a : method.annotations()) {
            out.add(LoopDecision.refused(a, null, -1, RefusalCode.NO_CODE, a.describe()
                    + " on an abstract or native method: there is no loop to rewrite; annotate the implementing method"));
        }
        return new MethodPlan(method, List.copyOf(out));
    }

    /**
     * @param method an annotated method whose bytecode the analyser rejected
     * @param why    the analyser's message
     * @return the plan that keeps the method as written
     */
    public MethodPlan planUnanalysable(AnnotatedMethod method, String why) {
        List<LoopDecision> out = new ArrayList<>();
        for (HotloopAnnotation a : method.annotations()) {
            out.add(LoopDecision.refused(a, null, -1, RefusalCode.UNANALYSABLE, "not rewritten: the bytecode could not be analysed (" + why + ")"));
        }
        return new MethodPlan(method, List.copyOf(out));
    }

    /**
     * @param plan the plan of a method whose rewrite failed
     * @param why  the failure, as {@code java.lang.IllegalStateException: ...}
     * @return the plan that keeps the method's loops as written: each rewrite becomes a refusal
     *     that names the failure
     */
    public MethodPlan planFailed(MethodPlan plan, String why) {
        List<LoopDecision> out = new ArrayList<>();
        for (LoopDecision d : plan.decisions()) {
            out.add(!d.rewritten() ? d : LoopDecision.refused(d.annotation(), d.loop(), d.line(), RefusalCode.UNANALYSABLE,
                    "not rewritten: the rewrite failed (" + why + "); this method runs as written, the class's other "
                    + "methods keep their rewrites; please report it with the class file (dump=DIR)"));
        }
        return new MethodPlan(plan.method(), List.copyOf(out));
    }

    private LoopDecision decide(AnnotatedMethod method, MethodAnalysis analysis, HotloopAnnotation a, Loop loop,
                                boolean mayAddMembers) {
        boolean vector = a.kind() == HotloopAnnotation.Kind.VECTORIZE;
        String verb = vector ? "not vectorized" : "not parallelized";
        if (!options.enabled()) {
            return LoopDecision.refused(a, loop, loop.line(), RefusalCode.AGENT_DISABLED, verb + ": the agent is disabled (enabled=false)");
        }
        if (vector && !options.vectorize()) {
            return LoopDecision.refused(a, loop, loop.line(), RefusalCode.OPTION_OFF, verb + ": vectorize=false in the agent options");
        }
        if (!vector && !options.parallel()) {
            return LoopDecision.refused(a, loop, loop.line(), RefusalCode.OPTION_OFF, verb + ": parallel=false in the agent options");
        }
        String invalid = AttributeCheck.problem(a);
        if (invalid != null) {
            return LoopDecision.refused(a, loop, loop.line(), RefusalCode.ANNOTATION_VALUE, verb + ": " + invalid);
        }
        LoopDecision d = (vector ? this.vector : parallel).decide(method, analysis, a, loop, mayAddMembers);
        if (vector && !vectorApiResolved) {
            // The real verdict (and a refusal's own code) is kept, so that a user sees what adding the module would give.
            String verdict = d.rewritten() ? "would be " + d.summary() : d.summary();
            RefusalCode code = d.rewritten() || d.code() == null ? RefusalCode.VECTOR_API_MISSING : d.code();
            return LoopDecision.refused(a, loop, d.line(), code, verdict + " " + SCALAR_WITHOUT_VECTOR_API);
        }
        return d;
    }

    private static String noLoop(HotloopAnnotation a, List<Loop> loops) {
        if (!a.onMethod()) {
            return a.describe() + " marks a variable that drives no loop: annotate the index variable of a for loop, "
                    + "or the element variable of a for-each";
        }
        return loops.isEmpty()
                ? a.describe() + " on a method without loops: nothing to rewrite"
                : a.describe() + " found no suitable loop";
    }

    private static List<Loop> targets(AnnotatedMethod method, HotloopAnnotation a, List<Loop> loops) {
        List<Loop> out = new ArrayList<>();
        for (Loop loop : loops) {
            if (a.onMethod()) {
                boolean wanted = a.kind() == HotloopAnnotation.Kind.VECTORIZE ? loop.innermost() : loop.outermost();
                if (wanted) {
                    out.add(loop);
                }
            } else if (loop.inductionVar() == a.localIndex() && coversHeader(method, a, loop)) {
                out.add(loop);
            }
        }
        if (out.isEmpty() && !a.onMethod()) {
            Loop forEach = ForEachVariable.loopOf(method, a, loops);
            if (forEach != null) {
                out.add(forEach);
            }
        }
        return out;
    }

    private static boolean coversHeader(AnnotatedMethod method, HotloopAnnotation a, Loop loop) {
        // The variable's live range starts right after its initialisation and spans the loop.
        InsnList insns = method.method().instructions;
        for (LabelNode[] range : a.ranges()) {
            int start = insns.indexOf(range[0]);
            int end = insns.indexOf(range[1]);
            if (start <= loop.headerInsn() && loop.headerInsn() <= end) {
                return true;
            }
        }
        return a.ranges().isEmpty();
    }
}
