package dev.hotloop.agent.vector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.IntInsnNode;

/**
 * Emits the Vector API calls that compute IR values for one chunk of {@code lanes} iterations.
 * Loop-invariant values are broadcast once, before the loop; values used twice in a chunk are
 * kept in locals. Masks carry the lane type they were computed on and are cast where another
 * type needs them (the lane counts match by construction, see {@link Lanes}).
 */
final class VectorEmitter implements Opcodes {

    private final Emitter out;
    private final ScalarEmitter scalars;
    private final VectorPlan plan;
    private final Invariance invariance;
    private final int lanes;
    private final Map<Expr, Integer> broadcasts = new HashMap<>();
    private final Map<Expr, Cached> chunk = new HashMap<>();
    private final Map<Expr, Integer> uses = new HashMap<>();
    private final Map<Kind, Integer> reversals = new HashMap<>();
    private final Map<Affine, Integer> maps = new HashMap<>();
    private final Map<Access, Integer> scratch = new IdentityHashMap<>(); // a gather's index map, filled per chunk
    private int iv;
    private int position;

    VectorEmitter(Emitter out, ScalarEmitter scalars, VectorPlan plan) {
        this.out = out;
        this.scalars = scalars;
        this.plan = plan;
        this.invariance = plan.invariance();
        this.lanes = plan.lanes();
    }

    /** Counts how often each value is used, so values used twice are computed once per chunk. */
    void count(Expr e) {
        Integer seen = uses.get(e);
        int n = seen == null ? 1 : seen + 1;
        uses.put(e, n);
        if (n == 1 && !invariance.test(e) && !(e instanceof Expr.Load)) {
            for (Expr c : Walk.children(e)) {
                count(c);
            }
        }
    }

    /**
     * Starts a chunk whose first element is {@code iv + position}.
     *
     * @param ivSlot   the local holding the induction variable
     * @param position the constant offset of the chunk's first iteration from it
     */
    void beginChunk(int ivSlot, int position) {
        this.iv = ivSlot;
        this.position = position;
        chunk.clear();
    }

    /** @return the local holding an array, null-checked by the guards */
    int arrayLocal(Expr array) {
        return scalars.local(array);
    }

    /**
     * Pushes the element index where an access's chunk starts: the index of the chunk's first lane,
     * or for a reversed access the index of its last lane, which is the lowest element it touches.
     */
    void pushIndex(Access access) {
        pushIndex(access.index(), access.form() == AccessForm.REVERSED ? lanes - 1 : 0);
    }

    /** Pushes {@code (scale + stride) * (iv + position + lane * spacing) + base + offset}, in int arithmetic. */
    private void pushIndex(Affine index, int lane) {
        int at = position + lane * plan.spacing();
        out.load(ILOAD, iv);
        if (at != 0) {
            out.ldc(at);
            out.op(IADD);
        }
        if (index.runtimeStride()) {
            out.load(ILOAD, scalars.local(index.stride()));
            if (index.scale() != 0) {
                out.ldc(index.scale());
                out.op(IADD);
            }
            out.op(IMUL);
        } else if (index.scale() != 1) {
            out.ldc(index.scale());
            out.op(IMUL);
        }
        if (index.base() != null) {
            out.load(ILOAD, scalars.local(index.base()));
            out.op(IADD);
        }
        if (index.offset() != 0) {
            out.ldc((int) index.offset());
            out.op(IADD);
        }
    }

    /**
     * Builds, before the loop, what the plan's access forms need: for each reversed element type
     * the shuffle that reverses the lanes, and for each strided step the index map
     * {@code {0, k, 2k, ...}} of its gathers and scatters.
     */
    void hoistForms() {
        for (Access a : computed()) {
            if (a.form() == AccessForm.REVERSED && !reversals.containsKey(a.element())) {
                out.species(a.element(), lanes);
                out.ldc(lanes - 1);
                out.op(ICONST_M1);
                out.op(ICONST_0);
                out.invokestatic(Emitter.SHUFFLE, "iota", "(L" + Emitter.SPECIES + ";IIZ)L" + Emitter.SHUFFLE + ";");
                int slot = out.local(1);
                out.load(ASTORE, slot);
                reversals.put(a.element(), slot);
            }
            if (a.form() == AccessForm.GATHER) {
                continue;
            }
            Affine step = step(a.index());
            if (a.form().mapped() && !maps.containsKey(step)) {
                out.ldc(lanes);
                out.add(new IntInsnNode(NEWARRAY, T_INT));
                for (int j = 1; j < lanes; j++) {
                    out.op(DUP);
                    out.ldc(j);
                    if (step.runtimeStride()) { // (stride + scale) * j * spacing, wrapping like the original's index
                        out.load(ILOAD, scalars.local(step.stride()));
                        out.ldc(step.scale());
                        out.op(IADD);
                        out.ldc(j * plan.spacing());
                        out.op(IMUL);
                    } else {
                        out.ldc(step.scale() * j * plan.spacing());
                    }
                    out.op(IASTORE);
                }
                int slot = out.local(1);
                out.load(ASTORE, slot);
                maps.put(step, slot);
            }
        }
    }

    /** Allocates, before the loop, the index map of each gather, which {@link #checkGathers} fills for each chunk. */
    void hoistGathers() {
        for (Access a : plan.accesses()) {
            if (a.form() == AccessForm.GATHER) {
                out.ldc(lanes);
                out.add(new IntInsnNode(NEWARRAY, T_INT));
                int slot = out.local(1);
                out.load(ASTORE, slot);
                scratch.put(a, slot);
            }
        }
    }

    /**
     * At the start of a chunk: computes the indexes of every gather of the plan (a dead one too,
     * which can throw in the original), stores them in its index map, and jumps to
     * {@code outOfRange} when any is negative or not below its array's length, before the chunk
     * loads or stores anything.
     */
    void checkGathers(org.objectweb.asm.tree.LabelNode outOfRange) {
        String v = Kind.INT.vectorClass();
        String compare = "(L" + Emitter.OPERATORS + "$Comparison;I)L" + Emitter.MASK + ";";
        for (Access a : plan.accesses()) {
            if (a.form() != AccessForm.GATHER) {
                continue;
            }
            push(a.gathered());
            out.op(DUP);
            out.load(ALOAD, scratch.get(a));
            out.op(ICONST_0);
            out.invokevirtual(v, "intoArray", "([II)V");
            out.op(DUP);
            out.operator("LT", "Comparison");
            out.op(ICONST_0);
            out.invokevirtual(v, "compare", compare);
            out.op(SWAP);
            out.operator("GE", "Comparison");
            out.load(ALOAD, scalars.local(a.array()));
            out.op(ARRAYLENGTH);
            out.invokevirtual(v, "compare", compare);
            out.invokevirtual(Emitter.MASK, "or", "(L" + Emitter.MASK + ";)L" + Emitter.MASK + ";");
            out.invokevirtual(Emitter.MASK, "anyTrue", "()Z");
            out.jump(IFNE, outOfRange);
        }
    }

    /** @return whether the plan gathers */
    boolean gathers() {
        return !scratch.isEmpty();
    }

    /**
     * @return the accesses the vector code loads or stores by, in plan order (a load that only
     *     the guards know of, dead but able to throw in the original, has no vector form)
     */
    private List<Access> computed() {
        Set<Access> used = Collections.newSetFromMap(new IdentityHashMap<>()); // the plan's own instances
        for (Store st : plan.stores()) {
            used.add(plan.access(st.array(), st.index()));
        }
        List<Expr> roots = new ArrayList<>(plan.values());
        for (Access a : plan.accesses()) {
            if (a.gathered() != null) {
                roots.add(a.gathered()); // computed for every chunk, dead or not
            }
        }
        for (Expr v : roots) {
            for (Expr n : Walk.nodes(v)) {
                if (n instanceof Expr.Load l && !invariance.test(l)) {
                    used.add(plan.access(l.array(), l.index()));
                }
            }
        }
        List<Access> out = new ArrayList<>();
        for (Access a : plan.accesses()) {
            if (used.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private static Affine step(Affine index) {
        return new Affine(index.scale(), index.stride(), null, 0);
    }

    /** Pushes the reversing shuffle of the element type, built by {@link #hoistForms}. */
    void pushReversal(Kind element) {
        out.load(ALOAD, reversals.get(element));
    }

    /** Pushes the index map of the access's step and its offset in the map (0), built by {@link #hoistForms}. */
    void pushMap(Access access) {
        out.load(ALOAD, maps.get(step(access.index())));
        out.op(ICONST_0);
    }

    /** Broadcasts an invariant value the plan hoists; call before the loop for each of {@link VectorPlan#hoisted}. */
    void hoist(Expr e) {
        if (!broadcasts.containsKey(e)) {
            out.species(e.kind(), lanes);
            scalars.push(e);
            String d = e.kind().descriptor();
            if (e.kind() == Kind.CHAR) { // a char loaded (0 to 65535) broadcast as the short of its 16 bits
                out.op(I2S);
                d = Kind.SHORT.descriptor();
            } else if (e.kind() == Kind.BOOLEAN) { // 0 or 1, broadcast as a byte
                d = Kind.BYTE.descriptor();
            }
            out.invokestatic(e.kind().vectorClass(), "broadcast", "(L" + Emitter.SPECIES + ";" + d + ")L" + e.kind().vectorClass() + ";");
            int slot = out.local(1);
            out.load(ASTORE, slot);
            broadcasts.put(e, slot);
        }
    }

    /**
     * Pushes the vector (or, for a condition, the mask) of {@code e} for the current chunk.
     *
     * @return the lane type of the pushed value (for a mask, the type it was computed on)
     */
    Kind push(Expr e) {
        Integer b = broadcasts.get(e);
        if (b != null) {
            out.load(ALOAD, b);
            return e.kind();
        }
        Cached c = chunk.get(e);
        if (c != null) {
            out.load(ALOAD, c.slot());
            return c.kind();
        }
        Kind kind = compute(e);
        if (uses.getOrDefault(e, 0) > 1) {
            int slot = out.local(1);
            out.load(ASTORE, slot);
            out.load(ALOAD, slot);
            chunk.put(e, new Cached(slot, kind));
        }
        return kind;
    }

    /** Pushes a mask for {@code cond} as a mask of {@code kind} lanes. */
    void pushMask(Expr cond, Kind kind) {
        Kind on = push(cond);
        if (on != kind) {
            out.species(kind, lanes);
            out.invokevirtual(Emitter.MASK, "cast", "(L" + Emitter.SPECIES + ";)L" + Emitter.MASK + ";");
        }
    }

    private Kind compute(Expr e) {
        if (e instanceof Expr.Load l) {
            Access access = plan.access(l.array(), l.index());
            out.species(l.kind(), lanes);
            out.load(ALOAD, scalars.local(l.array()));
            String v = l.kind().vectorClass();
            String array = "[" + l.kind().descriptor();
            // char[] into short lanes, boolean[] into byte lanes of 0 and 1
            String from = l.kind() == Kind.CHAR ? "fromCharArray" : l.kind() == Kind.BOOLEAN ? "fromBooleanArray" : "fromArray";
            if (access.form() == AccessForm.GATHER) { // through the index map the chunk's check filled
                out.op(ICONST_0);
                out.load(ALOAD, scratch.get(access));
                out.op(ICONST_0);
                out.invokestatic(v, from, "(L" + Emitter.SPECIES + ";" + array + "I[II)L" + v + ";");
                return l.kind();
            }
            pushIndex(access);
            if (access.form().mapped()) {
                pushMap(access);
                out.invokestatic(v, from, "(L" + Emitter.SPECIES + ";" + array + "I[II)L" + v + ";");
            } else {
                out.invokestatic(v, from, "(L" + Emitter.SPECIES + ";" + array + "I)L" + v + ";");
            }
            if (access.form() == AccessForm.REVERSED) {
                pushReversal(l.kind());
                out.invokevirtual(v, "rearrange", "(L" + Emitter.SHUFFLE + ";)L" + v + ";");
            }
            return l.kind();
        }
        if (e instanceof Expr.Iv) {
            out.species(Kind.INT, lanes);
            out.load(ILOAD, iv);
            if (position != 0) {
                out.ldc(position);
                out.op(IADD);
            }
            String v = Kind.INT.vectorClass();
            out.invokestatic(v, "broadcast", "(L" + Emitter.SPECIES + ";I)L" + v + ";");
            out.ldc(plan.spacing());
            out.invokevirtual(v, "addIndex", "(I)L" + v + ";");
            return Kind.INT;
        }
        if (e instanceof Expr.Unary u) {
            push(u.x());
            if (u.op().composed()) {
                LaneForms.unary(out, u.op(), u.kind());
                return u.kind();
            }
            out.operator(u.op().name(), "Unary");
            lanewise(u.kind(), "L" + Emitter.OPERATORS + "$Unary;");
            return u.kind();
        }
        if (e instanceof Expr.Binary b && b.op().composed()) {
            push(b.left());
            push(b.right());
            LaneForms.binary(out, b.op(), b.kind());
            return b.kind();
        }
        if (e instanceof Expr.Binary b) {
            push(b.left());
            out.operator(b.op().name(), b.op().associative() ? "Associative" : "Binary");
            if (b.right().kind() != b.kind()) { // a long shifted by an int count
                push(new Expr.Convert(b.right().kind(), b.kind(), b.right()));
            } else {
                push(b.right());
            }
            lanewise(b.kind(), "L" + Emitter.OPERATORS + "$Binary;L" + Emitter.VECTOR + ";");
            return b.kind();
        }
        if (e instanceof Expr.Fma f) {
            push(f.a());
            out.operator("FMA", "Ternary");
            push(f.b());
            push(f.c());
            lanewise(f.kind(), "L" + Emitter.OPERATORS + "$Ternary;L" + Emitter.VECTOR + ";L" + Emitter.VECTOR + ";");
            return f.kind();
        }
        if (e instanceof Expr.Convert c) {
            push(c.x());
            out.operator(letter(c.from()) + "2" + letter(c.kind()), "Conversion");
            out.species(c.kind(), lanes);
            out.op(ICONST_0);
            out.invokevirtual(Emitter.VECTOR, "convertShape", "(L" + Emitter.OPERATORS + "$Conversion;L" + Emitter.SPECIES
                    + ";I)L" + Emitter.VECTOR + ";");
            out.checkcast(c.kind().vectorClass());
            return c.kind();
        }
        if (e instanceof Expr.Cmp c) {
            Kind k = push(c.left());
            out.operator(c.cond().name(), "Comparison");
            push(c.right());
            out.invokevirtual(k.vectorClass(), "compare", "(L" + Emitter.OPERATORS + "$Comparison;L" + Emitter.VECTOR
                    + ";)L" + Emitter.MASK + ";");
            return k;
        }
        if (e instanceof Expr.Not n) {
            Kind k = push(n.x());
            out.invokevirtual(Emitter.MASK, "not", "()L" + Emitter.MASK + ";");
            return k;
        }
        if (e instanceof Expr.Logic l) {
            Kind k = push(l.left());
            pushMask(l.right(), k);
            out.invokevirtual(Emitter.MASK, l.and() ? "and" : "or", "(L" + Emitter.MASK + ";)L" + Emitter.MASK + ";");
            return k;
        }
        if (e instanceof Expr.Select s) {
            Kind k = s.kind();
            push(s.ifFalse());
            push(s.ifTrue());
            pushMask(s.cond(), k);
            out.invokevirtual(k.vectorClass(), "blend", "(L" + Emitter.VECTOR + ";L" + Emitter.MASK + ";)L" + k.vectorClass() + ";");
            return k;
        }
        throw new IllegalStateException("no vector form for " + e);
    }

    /** A value computed earlier in the chunk, and its lane type. */
    private record Cached(int slot, Kind kind) {
    }

    private void lanewise(Kind kind, String args) {
        out.invokevirtual(kind.vectorClass(), "lanewise", "(" + args + ")L" + kind.vectorClass() + ";");
    }

    private static String letter(Kind k) {
        return k.descriptor().equals("J") ? "L" : k.descriptor();
    }
}
