package dev.hotloop.agent.parallel;

import dev.hotloop.agent.plan.LoopRewrite;
import dev.hotloop.agent.plan.OutlinedForms;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The rewrite of one {@code @Parallel} loop: adds the chunk method to the class and puts the
 * dispatch in front of the loop, which stays in place as the path for ranges of one chunk.
 *
 * <p>Applied after the SIMD rewrites of the same method, it copies the loop's body as they left
 * it, so a vectorised inner loop runs inside each chunk. For {@code @Parallel @Vectorize} on one
 * loop, the chunk's own loop is a plain counted loop {@code for (int i = from; i < to; i++)}
 * over parameters, ready for the vectorizer: {@link #chunkMethod()} returns it once applied.
 */
final class ParallelRewrite implements LoopRewrite {

    private final LoopShape shape;
    private final LoopLocals locals;
    private final int grain;
    private final int threads;
    private final String site;
    private final String shipping;
    private MethodNode chunk;

    ParallelRewrite(LoopShape shape, LoopLocals locals, int grain, int threads, String site) {
        this(shape, locals, grain, threads, site, null);
    }

    /**
     * @param shipping the roles of the chunk's arguments on the cluster ({@link ClusterShipping}), or
     *                 null for a loop that always runs on the local pool
     */
    ParallelRewrite(LoopShape shape, LoopLocals locals, int grain, int threads, String site, String shipping) {
        this.shipping = shipping;
        this.shape = shape;
        this.locals = locals;
        this.grain = grain;
        this.threads = threads;
        this.site = site;
    }

    @Override
    public void apply(ClassNode cls, MethodNode method, OutlinedForms forms) {
        if (!method.instructions.contains(shape.header) || !method.instructions.contains(shape.backEdge)) {
            throw new IllegalStateException("the @Parallel loop of " + method.name + method.desc
                    + " was replaced by an earlier rewrite; parallelize before vectorizing the same loop");
        }
        chunk = new ChunkOutliner(method, shape, locals).outline(ChunkOutliner.PREFIX + count(cls));
        cls.methods.add(chunk);
        InitGuard.insert(cls, method, shape.header, site);
        LoopDispatch.insert(cls.name, (cls.access & Opcodes.ACC_INTERFACE) != 0, method, shape, locals, chunk,
                grain, threads, site, shipping);
    }

    /**
     * @return the parallel plan, a few lines: the grain, the locals each chunk
     *     receives, the reductions it hands back, and the cluster roles where it may ship
     */
    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("parallel chunks of >= ").append(grain).append(grain == 1 ? " iteration" : " iterations")
                .append(threads > 0 ? ", at most " + threads + (threads == 1 ? " thread" : " threads") : "");
        if (!locals.captured().isEmpty()) {
            b.append("\n  captured");
            String sep = " ";
            for (LoopLocals.Captured c : locals.captured()) {
                b.append(sep).append(c.name()).append(' ').append(c.type().getClassName());
                sep = ", ";
            }
        }
        for (Reduction r : locals.reductions()) {
            b.append("\n  reduction ").append(r.describe());
        }
        if (shipping != null) {
            b.append("\n  on the cluster: ").append(shipping);
        }
        return b.toString();
    }

    /** @return the chunk method added by {@link #apply}, or null before; its loop runs {@code from} to {@code to} */
    MethodNode chunkMethod() {
        return chunk;
    }

    @Override
    public List<MethodNode> addedMethods() {
        return chunk == null ? List.of() : List.of(chunk);
    }

    private static int count(ClassNode cls) {
        int n = 0;
        for (MethodNode m : cls.methods) {
            if (m.name.startsWith(ChunkOutliner.PREFIX)) {
                n++;
            }
        }
        return n;
    }
}
