package dev.hotloop.agent.vector;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LabelNode;

/**
 * The fold of the ordered (strict float/double) reductions: each chunk's term vector is stored
 * into a scratch array, and a small loop adds (or multiplies) its elements into the local one at a
 * time, in the original's iteration order ({@code s = s + lanes[0]; s = s + lanes[1]; ...}, from
 * the last lane down when the loop counts down): the same operations in the same order as the
 * original loop, so the same result bit for bit. The scratch array is allocated once per call,
 * before the vector loops, one per ordered reduction, with a region of its own for each chunk of
 * an unrolled step; each chunk folds its own lanes before the next chunk's, so a chunk that leaves
 * early (an exit, a gather out of range) leaves the local with exactly the iterations before it.
 *
 * <p>Measured against {@code lane(j)} extractions and straight-line loads of the scratch array
 * (2-core AVX-512 Xeon, loaded, JDK 17 and 25, 256-bit vectors, 2026-12-03): the three ran at the
 * same speed for sums, while the loop was up to 12% faster for unrolled dot products and the
 * extractions 25% slower for products; see {@code VectorCost} for where the fold pays at all.
 */
final class OrderedFold implements Opcodes {

    private final Emitter out;
    private final VectorEmitter vectors;
    private final VectorPlan plan;
    /** The scratch array of each reduction, -1 for one that is not ordered. */
    private final int[] scratch;

    OrderedFold(Emitter out, VectorEmitter vectors, VectorPlan plan) {
        this.out = out;
        this.vectors = vectors;
        this.plan = plan;
        this.scratch = new int[plan.reductions().size()];
    }

    /** Allocates each ordered reduction's scratch array: lanes times unroll elements. */
    void init() {
        List<Reduction> reductions = plan.reductions();
        for (int r = 0; r < reductions.size(); r++) {
            scratch[r] = -1;
            if (reductions.get(r).ordered()) {
                out.ldc(plan.lanes() * plan.unroll());
                out.add(new IntInsnNode(NEWARRAY, reductions.get(r).kind() == Kind.FLOAT ? T_FLOAT : T_DOUBLE));
                scratch[r] = out.local(1);
                out.load(ASTORE, scratch[r]);
            }
        }
    }

    /**
     * Folds chunk {@code u}'s lanes of ordered reduction {@code r} into its local, in iteration order.
     *
     * @param r the reduction's index in the plan
     * @param u the chunk within the unrolled step
     */
    void fold(int r, int u) {
        Reduction red = plan.reductions().get(r);
        Kind k = red.kind();
        int lanes = plan.lanes();
        int base = u * lanes;
        vectors.push(red.term());
        out.load(ALOAD, scratch[r]);
        out.ldc(base);
        out.invokevirtual(k.vectorClass(), "intoArray", "([" + k.descriptor() + "I)V");
        // lanes hold iterations in rising order of the induction variable: a falling loop's first is the last lane
        boolean up = plan.ir().step() > 0;
        int j = out.local(1);
        out.ldc(up ? base : base + lanes - 1);
        out.load(ISTORE, j);
        LabelNode top = new LabelNode();
        LabelNode done = new LabelNode();
        out.label(top);
        out.load(ILOAD, j);
        out.ldc(up ? base + lanes : base);
        out.jump(up ? IF_ICMPGE : IF_ICMPLT, done);
        out.load(Emitter.loadOpcode(k), red.slot());
        out.load(ALOAD, scratch[r]);
        out.load(ILOAD, j);
        out.op(ScalarEmitter.arrayLoad(k));
        ScalarEmitter.combine(out, red.op(), red.subtract(), k);
        out.load(Emitter.storeOpcode(k), red.slot());
        out.iinc(j, up ? 1 : -1);
        out.jump(GOTO, top);
        out.label(done);
    }
}
