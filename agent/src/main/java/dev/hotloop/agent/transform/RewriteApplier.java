package dev.hotloop.agent.transform;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.FieldFlags;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.plan.OutlinedForms;
import dev.hotloop.agent.plan.Planner;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Applies a method's planned loop rewrites in an order that composes: SIMD rewrites of loops that
 * stay in the method first (so a parallel loop around them carries them into its chunks), then the
 * parallel rewrites. A loop that is both {@code @Parallel} and {@code @Vectorize} is parallelized
 * first; then its SIMD code goes in front of the original loop, which still runs ranges too small
 * to split, and into the loop of the chunk method, so each chunk runs the SIMD loop.
 */
final class RewriteApplier {

    private final Planner planner;

    RewriteApplier(Planner planner) {
        this.planner = planner;
    }

    /**
     * @param analysis the method's analyses, from planning; each rewrite applied marks them stale
     * @param forms    where the outlined forms of loops that are only {@code @Vectorize} go, or null
     *                 to add them to the class; those of a parallel loop's chunks always go into the
     *                 class, which a cluster ships as it is
     * @return whether any rewrite was applied
     */
    boolean apply(ClassNode cls, AnnotatedMethod am, MethodAnalysis analysis, MethodPlan plan, OutlinedForms forms) {
        Set<Loop> parallel = new HashSet<>();
        for (LoopDecision d : plan.decisions()) {
            if (d.rewrite() != null && d.annotation().kind() == HotloopAnnotation.Kind.PARALLEL) {
                parallel.add(d.loop());
            }
        }
        boolean any = false;
        Set<Loop> done = new HashSet<>(); // a loop targeted twice (method and index annotations) is rewritten once
        for (LoopDecision d : plan.decisions()) {
            if (d.rewrite() != null && d.annotation().kind() == HotloopAnnotation.Kind.VECTORIZE
                    && !parallel.contains(d.loop()) && done.add(d.loop())) {
                d.rewrite().apply(cls, am.method(), forms);
                analysis.methodChanged();
                any = true;
            }
        }
        done.clear();
        for (LoopDecision d : plan.decisions()) {
            if (d.rewrite() != null && d.annotation().kind() == HotloopAnnotation.Kind.PARALLEL && done.add(d.loop())) {
                d.rewrite().apply(cls, am.method(), null);
                analysis.methodChanged();
                any = true;
                LoopDecision simd = simdOf(plan, d.loop());
                if (simd != null) {
                    simd.rewrite().apply(cls, am.method(), null);
                    analysis.methodChanged();
                    for (MethodNode chunk : d.rewrite().addedMethods()) {
                        vectorize(cls, chunk, simd.annotation(), am.fields());
                    }
                }
            }
        }
        return any;
    }

    private static LoopDecision simdOf(MethodPlan plan, Loop loop) {
        for (LoopDecision d : plan.decisions()) {
            if (d.rewrite() != null && d.annotation().kind() == HotloopAnnotation.Kind.VECTORIZE && d.loop() == loop) {
                return d;
            }
        }
        return null;
    }

    /** Vectorizes the loop of a chunk method with the attributes of the loop's {@code @Vectorize}. */
    private void vectorize(ClassNode cls, MethodNode chunk, HotloopAnnotation simd, FieldFlags fields) {
        HotloopAnnotation onMethod = new HotloopAnnotation(simd.kind(), simd.fastMath(), simd.unroll(), simd.threads(),
                simd.grain(), -1, List.of());
        AnnotatedMethod am = new AnnotatedMethod(cls.name, chunk, List.of(onMethod), cls.methods, cls.version & 0xFFFF,
                (cls.access & Opcodes.ACC_INTERFACE) != 0, fields);
        MethodAnalysis analysis = MethodAnalysis.of(cls.name, chunk);
        try {
            for (LoopDecision d : planner.plan(am, analysis, analysis.loops(), true).decisions()) {
                if (d.rewrite() != null) {
                    d.rewrite().apply(cls, chunk, null);
                    analysis.methodChanged();
                }
            }
        } catch (AnalyzerException e) {
            throw new IllegalStateException("the chunk method " + chunk.name + " of " + cls.name + " cannot be analysed", e);
        }
    }
}
