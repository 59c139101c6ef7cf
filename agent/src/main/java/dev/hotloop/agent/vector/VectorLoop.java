package dev.hotloop.agent.vector;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.LabelNode;

/**
 * The vector loops themselves: an unrolled loop of {@code unroll} chunks per step while whole
 * steps remain, then one chunk per step up to the guarded range end; then the reductions' lanes
 * are combined and folded into their locals, and the selections' lanes offered to theirs. An
 * ordered reduction has no accumulator: each chunk folds its lanes into the local one at a time,
 * in the original iteration order ({@link OrderedFold}). The induction variable advances with the
 * chunks, so the original loop resumes exactly where they stopped.
 */
final class VectorLoop implements Opcodes {

    private final Emitter out;
    private final VectorEmitter vectors;
    private final VectorPlan plan;
    private final Guards guards;
    private final int[][] accumulators;
    /** Where a chunk whose gather indexes are not all in range leaves, the index at its first iteration. */
    private final LabelNode outOfRange = new LabelNode();
    private final SelectionCode selections;
    private final OrderedFold ordered;
    /** Where a chunk that holds an early exit jumps, the induction variable set to the iteration that leaves; null without exits. */
    private final LabelNode found;

    VectorLoop(Emitter out, VectorEmitter vectors, VectorPlan plan, Guards guards) {
        this.out = out;
        this.vectors = vectors;
        this.plan = plan;
        this.guards = guards;
        this.accumulators = new int[plan.reductions().size()][plan.unroll()];
        this.selections = new SelectionCode(out, vectors, plan);
        this.ordered = new OrderedFold(out, vectors, plan);
        this.found = plan.ir().exits().isEmpty() ? null : new LabelNode();
    }

    void emit() {
        List<Reduction> reductions = plan.reductions();
        for (int r = 0; r < reductions.size(); r++) {
            Reduction red = reductions.get(r);
            for (int u = 0; u < plan.unroll() && !red.ordered(); u++) {
                out.species(red.kind(), plan.lanes());
                out.ldc(Reduction.identity(red.op(), red.kind()).value());
                String v = red.kind().vectorClass();
                out.invokestatic(v, "broadcast", "(L" + Emitter.SPECIES + ";" + red.kind().descriptor() + ")L" + v + ";");
                accumulators[r][u] = out.local(1);
                out.load(ASTORE, accumulators[r][u]);
            }
        }
        selections.init();
        ordered.init();
        if (plan.unroll() > 1) {
            loop(guards.endUnrolled(), plan.unroll());
        }
        loop(guards.end(), 1);
        out.label(outOfRange);
        if (found != null) {
            out.label(found);
        }
        for (int r = 0; r < reductions.size(); r++) {
            if (!reductions.get(r).ordered()) {
                fold(reductions.get(r), accumulators[r]);
            }
        }
        selections.fold();
    }

    private void loop(int end, int chunks) {
        int iv = plan.ir().iv();
        int step = plan.ir().step();
        LabelNode top = new LabelNode();
        LabelNode done = new LabelNode();
        out.label(top);
        // An ordered test (not !=) makes this a counted loop for C2: unrolled, range checks hoisted.
        out.load(ILOAD, iv);
        out.load(ILOAD, end);
        out.jump(step > 0 ? IF_ICMPGE : IF_ICMPLE, done);
        for (int u = 0; u < chunks; u++) {
            // lanes hold iterations in rising order of the induction variable: a falling loop's chunk starts at its last iteration
            int position = step > 0 ? u * plan.lanes() * step : (plan.lanes() - 1 + u * plan.lanes()) * step;
            chunk(iv, position, u);
        }
        out.iinc(iv, step * chunks * plan.lanes());
        out.jump(GOTO, top);
        out.label(done);
    }

    /**
     * One chunk: its gathers' indexes checked first (out of range: the original loop runs from this
     * chunk), then its early exits (the original loop runs the first iteration that leaves), then
     * every value (loads see memory as it was), then reductions and selections, then stores, then
     * flags.
     */
    private void chunk(int iv, int position, int u) {
        vectors.beginChunk(iv, position);
        if (vectors.gathers()) {
            LabelNode bad = new LabelNode();
            LabelNode good = new LabelNode();
            vectors.checkGathers(bad);
            out.jump(GOTO, good);
            out.label(bad);
            if (u > 0) {
                out.iinc(iv, u * plan.lanes() * plan.ir().step()); // the chunks before this one are done
            }
            out.jump(GOTO, outOfRange);
            out.label(good);
        }
        if (found != null) {
            leave(iv, position);
        }
        List<Store> stores = plan.stores();
        int[] values = new int[stores.size()];
        int[] masks = new int[stores.size()];
        for (int s = 0; s < stores.size(); s++) {
            Store st = stores.get(s);
            vectors.push(st.value());
            values[s] = out.local(1);
            out.load(ASTORE, values[s]);
            masks[s] = -1;
            if (!(st.mask() instanceof Expr.True)) {
                vectors.pushMask(st.mask(), st.element());
                masks[s] = out.local(1);
                out.load(ASTORE, masks[s]);
            }
        }
        // a flag's condition too reads memory as it was before the chunk's stores
        List<Flag> flags = plan.ir().flags();
        int[] reached = new int[flags.size()];
        for (int f = 0; f < flags.size(); f++) {
            reached[f] = -1;
            if (!(flags.get(f).mask() instanceof Expr.True)) {
                vectors.push(flags.get(f).mask());
                out.invokevirtual(Emitter.MASK, "anyTrue", "()Z");
                reached[f] = out.local(1);
                out.load(ISTORE, reached[f]);
            }
        }
        for (int r = 0; r < plan.reductions().size(); r++) {
            Reduction red = plan.reductions().get(r);
            if (red.ordered()) {
                ordered.fold(r, u);
            } else {
                accumulate(red, accumulators[r][u]);
            }
        }
        selections.update(u);
        if (plan.fencesLoadsFromStores()) {
            out.invokestatic("java/lang/invoke/VarHandle", "acquireFence", "()V");
        }
        for (int s = 0; s < stores.size(); s++) {
            Store st = stores.get(s);
            Kind k = st.element();
            Access access = plan.access(st.array(), st.index());
            String v = k.vectorClass();
            out.load(ALOAD, values[s]);
            if (access.form() == AccessForm.REVERSED) { // unmasked: the plan scatters a reversed store under a condition
                vectors.pushReversal(k);
                out.invokevirtual(v, "rearrange", "(L" + Emitter.SHUFFLE + ";)L" + v + ";");
            }
            out.load(ALOAD, vectors.arrayLocal(st.array()));
            vectors.pushIndex(access);
            String arr = "[" + k.descriptor() + "I" + (access.form().mapped() ? "[II" : "");
            // short lanes into a char[]; byte lanes into a boolean[] (lane & 1, as bastore stores a boolean)
            String into = k == Kind.CHAR ? "intoCharArray" : k == Kind.BOOLEAN ? "intoBooleanArray" : "intoArray";
            if (access.form().mapped()) {
                vectors.pushMap(access);
            }
            if (masks[s] < 0) {
                out.invokevirtual(v, into, "(" + arr + ")V");
            } else {
                out.load(ALOAD, masks[s]);
                out.invokevirtual(v, into, "(" + arr + "L" + Emitter.MASK + ";)V");
            }
        }
        for (int f = 0; f < flags.size(); f++) {
            raise(flags.get(f), reached[f]);
        }
    }

    /**
     * Stops at the chunk's first iteration (in loop order) that leaves the loop: the induction
     * variable is set to it and the original loop runs it, so it leaves as written. A loop with
     * flags restarts at the chunk's first iteration instead, so that the original sets the flags of
     * the iterations before the one that leaves.
     */
    private void leave(int iv, int position) {
        List<Expr> exits = plan.ir().exits();
        Kind k = vectors.push(exits.get(0));
        for (int e = 1; e < exits.size(); e++) {
            vectors.pushMask(exits.get(e), k);
            out.invokevirtual(Emitter.MASK, "or", "(L" + Emitter.MASK + ";)L" + Emitter.MASK + ";");
        }
        boolean up = plan.ir().step() > 0;
        out.invokevirtual(Emitter.MASK, up ? "firstTrue" : "lastTrue", "()I");
        int lane = out.local(1);
        out.load(ISTORE, lane);
        LabelNode none = new LabelNode();
        out.load(ILOAD, lane);
        if (up) {
            out.ldc(plan.lanes());
            out.jump(IF_ICMPGE, none);
        } else {
            out.jump(IFLT, none);
        }
        out.load(ILOAD, iv);
        if (plan.ir().flags().isEmpty()) {
            out.load(ILOAD, lane);
            out.op(IADD);
        } else if (!up) { // flags: the original loop runs the whole chunk, from its first iteration, and sets them
            out.ldc(plan.lanes() - 1);
            out.op(IADD);
        }
        if (position != 0) {
            out.ldc(position);
            out.op(IADD);
        }
        out.load(ISTORE, iv);
        out.jump(GOTO, found);
        out.label(none);
    }

    /**
     * Sets the flag when any iteration of the chunk reached it: every one for an unconditional flag.
     *
     * @param reached the local holding whether any lane of its condition was true, computed before
     *     the chunk's stores; -1 for an unconditional flag
     */
    private void raise(Flag f, int reached) {
        LabelNode skip = null;
        if (reached >= 0) {
            skip = new LabelNode();
            out.load(ILOAD, reached);
            out.jump(IFEQ, skip);
        }
        out.load(ALOAD, vectors.arrayLocal(f.array()));
        out.ldc(f.index());
        out.op(ICONST_1);
        out.op(BASTORE);
        if (skip != null) {
            out.label(skip);
        }
    }

    private void accumulate(Reduction r, int acc) {
        Expr term = r.term();
        String v = r.kind().vectorClass();
        if (plan.contracted(r) && term instanceof Expr.Binary m) {
            // the plan contracts acc + x * y into one fused multiply-add (fastMath)
            vectors.push(m.left());
            out.operator("FMA", "Ternary");
            vectors.push(m.right());
            out.load(ALOAD, acc);
            out.invokevirtual(v, "lanewise", "(L" + Emitter.OPERATORS + "$Ternary;L" + Emitter.VECTOR + ";L" + Emitter.VECTOR + ";)L" + v + ";");
        } else {
            out.load(ALOAD, acc);
            out.operator(r.op().name(), "Associative");
            vectors.push(term);
            out.invokevirtual(v, "lanewise", "(L" + Emitter.OPERATORS + "$Binary;L" + Emitter.VECTOR + ";)L" + v + ";");
        }
        out.load(ASTORE, acc);
    }

    /** Combines the accumulators lane-wise, reduces the lanes, and folds the result into the local. */
    private void fold(Reduction r, int[] accs) {
        String v = r.kind().vectorClass();
        for (int u = 1; u < accs.length; u++) {
            out.load(ALOAD, accs[0]);
            out.operator(r.op().name(), "Associative");
            out.load(ALOAD, accs[u]);
            out.invokevirtual(v, "lanewise", "(L" + Emitter.OPERATORS + "$Binary;L" + Emitter.VECTOR + ";)L" + v + ";");
            out.load(ASTORE, accs[0]);
        }
        String d = r.kind().descriptor();
        out.load(Emitter.loadOpcode(r.kind()), r.slot());
        out.load(ALOAD, accs[0]);
        out.operator(r.op().name(), "Associative");
        out.invokevirtual(v, "reduceLanes", "(L" + Emitter.OPERATORS + "$Associative;)" + d);
        ScalarEmitter.combine(out, r.op(), r.subtract(), r.kind());
        if (r.narrow() != null) {
            out.op(r.narrow() == Kind.BYTE ? I2B : I2S);
        }
        out.load(Emitter.storeOpcode(r.kind()), r.slot());
    }
}
