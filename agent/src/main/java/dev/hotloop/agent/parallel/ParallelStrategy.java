package dev.hotloop.agent.parallel;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.ControlFlowGraph;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.LoopStrategy;
import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Decides whether a {@code @Parallel} loop runs its iterations on the shared pool: recognises its
 * form ({@link LoopShape}), checks its body ({@link BodyChecks}) and its locals
 * ({@link LoopLocals}), picks the grain ({@link WorkEstimate}) and returns the
 * {@link ParallelRewrite}, or the reason it stays sequential.
 */
public final class ParallelStrategy implements LoopStrategy {

    private final AgentOptions options;

    /** @param options the agent's options */
    public ParallelStrategy(AgentOptions options) {
        this.options = options;
    }

    @Override
    public LoopDecision decide(AnnotatedMethod method, MethodAnalysis analysis, HotloopAnnotation annotation, Loop loop,
                               boolean mayAddMembers) {
        try {
            if (!mayAddMembers) {
                throw new Refusal(RefusalCode.ATTACHED_LATE, "the class was loaded before the agent attached, and the JVM forbids adding the method "
                        + "that runs the loop's chunks; start the JVM with -javaagent to parallelize it");
            }
            if (method.classVersion() < Opcodes.V1_8) {
                throw new Refusal(RefusalCode.CLASS_VERSION, "the class file is from Java " + javaRelease(method.classVersion())
                        + " (version " + method.classVersion() + "), and the loop's chunks are passed to the pool as a "
                        + "lambda, which needs invokedynamic (Java 8 class files or later): recompile the class with "
                        + "--release 8 or later");
            }
            ControlFlowGraph g = analysis.graph();
            LoopShape shape = LoopShape.recognise(g, loop);
            BoundFields.check(method, shape, loop);
            Frame<SourceValue>[] sources = Reductions.sources(analysis);
            BodyChecks.check(method.method(), sources, shape);
            LoopLocals locals = LoopLocals.of(analysis, sources, loop, shape);
            int grain = annotation.grain() > 0 ? annotation.grain() : WorkEstimate.grain(g, loop, shape);
            int threads = annotation.threads() > 0 ? Math.min(annotation.threads(), options.threads()) : options.threads();
            String site = site(method) + (loop.line() >= 0 ? " line " + loop.line() : "");
            String shipping = null;
            String summary = summary(shape, loop, locals, grain, threads);
            if (annotation.cluster()) {
                try {
                    shipping = clusterRoles(method, sources, shape, locals);
                    summary += ", on cluster " + options.cluster();
                } catch (Refusal r) {
                    summary += "; on the local pool, not the cluster: " + r.getMessage();
                }
            }
            ParallelRewrite rewrite = new ParallelRewrite(shape, locals, grain, annotation.threads(), site, shipping);
            return LoopDecision.rewritten(annotation, loop, loop.line(), summary, rewrite);
        } catch (Refusal r) {
            return LoopDecision.refused(annotation, loop, loop.line(), r.code(), "not parallelized: " + r.getMessage());
        } catch (AnalyzerException e) {
            return LoopDecision.refused(annotation, loop, loop.line(), RefusalCode.UNANALYSABLE,
                    "not parallelized: the bytecode could not be analysed (" + e.getMessage() + ")");
        }
    }

    /** @return {@code parallel loop over i: 2 threads, chunks of >= 1024 iterations, reduction + on s} */
    static String summary(LoopShape shape, Loop loop, LoopLocals locals, int grain, int threads) {
        StringBuilder b = new StringBuilder("parallel ").append(shape.form.describe(loop.inductionName()))
                .append(": ").append(threads).append(threads == 1 ? " thread" : " threads")
                .append(", chunks of >= ").append(grain).append(grain == 1 ? " iteration" : " iterations");
        if (!locals.reductions().isEmpty()) {
            b.append(locals.reductions().size() == 1 ? ", reduction " : ", reductions ");
            for (int i = 0; i < locals.reductions().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(locals.reductions().get(i).describe());
            }
        }
        return b.toString();
    }

    /** The roles of the chunk's arguments on the cluster ({@link ClusterShipping}), or a refusal. */
    private String clusterRoles(AnnotatedMethod method, Frame<SourceValue>[] sources, LoopShape shape, LoopLocals locals)
            throws Refusal {
        if (options.cluster() == null) {
            throw new Refusal(RefusalCode.OPTION_OFF, "the agent option cluster (a Spark master URL) is not set");
        }
        return ClusterShipping.roles(method.method(), sources, shape, locals);
    }

    /** @return {@code 1.4} for class file version 48, {@code 7} for 51 */
    static String javaRelease(int classVersion) {
        return classVersion < Opcodes.V1_5 ? "1." + (classVersion - 44) : String.valueOf(classVersion - 44);
    }

    private static String site(AnnotatedMethod method) {
        String owner = method.owner();
        return owner.substring(owner.lastIndexOf('/') + 1) + "." + method.method().name;
    }
}
