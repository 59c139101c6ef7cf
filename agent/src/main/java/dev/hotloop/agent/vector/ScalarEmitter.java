package dev.hotloop.agent.vector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LabelNode;

/**
 * Computes loop-invariant values once, before the vector loop, with the JVM's own scalar
 * instructions, so they are bit-identical to what the loop computed on every iteration. Every
 * reference is checked for null on first use: a null sends execution to the original loop, which
 * then throws where it always did.
 */
final class ScalarEmitter implements Opcodes {

    private final Emitter out;
    private final LabelNode fallback;
    private final Map<Expr, Integer> cache;
    /** The induction variable's slot, for code that evaluates per-iteration values; -1 for none. */
    private final int iv;

    ScalarEmitter(Emitter out, LabelNode fallback) {
        this(out, fallback, new HashMap<>(), -1);
    }

    private ScalarEmitter(Emitter out, LabelNode fallback, Map<Expr, Integer> cache, int iv) {
        this.out = out;
        this.fallback = fallback;
        this.cache = cache;
        this.iv = iv;
    }

    /**
     * @param to     where the new emitter appends
     * @param ivSlot the local of the induction variable, for {@link Expr.Iv}
     * @return an emitter that evaluates per-iteration values too (with branches for conditions and
     *     selections), and reuses the locals this one holds so far
     */
    ScalarEmitter forIterations(Emitter to, int ivSlot) {
        return new ScalarEmitter(to, fallback, new HashMap<>(cache), ivSlot);
    }

    /**
     * @param to where the new emitter appends
     * @return an emitter like this one (no induction variable), that reuses the locals this one holds
     *     so far and from then on keeps its own
     */
    ScalarEmitter continuedOn(Emitter to) {
        return new ScalarEmitter(to, fallback, new HashMap<>(cache), iv);
    }

    /**
     * Computes, in locals, every value that more than one operation of {@code roots} uses (once
     * per iteration, operands first), so that code for an if-converted iteration grows with the
     * number of distinct values, not with the size of their trees.
     */
    void share(List<Expr> roots) {
        Map<Expr, Integer> uses = new HashMap<>();
        for (Expr r : roots) {
            count(r, uses);
        }
        List<Expr> order = new ArrayList<>();
        Set<Expr> seen = new HashSet<>();
        for (Expr r : roots) {
            postOrder(r, seen, order);
        }
        for (Expr e : order) {
            if (uses.get(e) > 1 && !cache.containsKey(e) && !(e instanceof Expr.Const || e instanceof Expr.Var
                    || e instanceof Expr.Iv || e instanceof Expr.True) && e.kind() != Kind.REF) {
                emitValue(e);
                Kind k = e.kind() == Kind.BOOL ? Kind.INT : e.kind();
                int slot = out.local(Emitter.size(k));
                out.load(Emitter.storeOpcode(k), slot);
                cache.put(e, slot); // a condition in an int local (only share holds conditions)
            }
        }
    }

    private static void count(Expr e, Map<Expr, Integer> uses) {
        Integer seen = uses.get(e);
        uses.put(e, seen == null ? 1 : seen + 1);
        if (seen == null) {
            for (Expr c : Walk.children(e)) {
                count(c, uses);
            }
        }
    }

    private static void postOrder(Expr e, Set<Expr> seen, List<Expr> order) {
        if (seen.add(e)) {
            for (Expr c : Walk.children(e)) {
                postOrder(c, seen, order);
            }
            order.add(e);
        }
    }

    /** @return the values held in locals so far, by local */
    Map<Expr, Integer> held() {
        return Map.copyOf(cache);
    }

    /**
     * @return the local that holds {@code e}, computing it on first use; a reference is checked
     *     for null there, so call it for references only while the operand stack is empty
     */
    int local(Expr e) {
        Integer slot = cache.get(e);
        if (slot == null) {
            emitValue(e);
            slot = out.local(Emitter.size(e.kind()));
            out.load(Emitter.storeOpcode(e.kind()), slot);
            if (e.kind() == Kind.REF) {
                out.load(ALOAD, slot);
                out.jump(IFNULL, fallback);
            }
            cache.put(e, slot);
        }
        return slot;
    }

    /**
     * Pushes the value of {@code e} (an int for byte and short values, as the JVM keeps them). A
     * reference must have been null-checked first, with {@link #local}, while the stack was empty.
     */
    void push(Expr e) {
        Integer slot = cache.get(e);
        if (slot != null) {
            out.load(e.kind() == Kind.BOOL ? ILOAD : Emitter.loadOpcode(e.kind()), slot);
        } else if (e.kind() == Kind.REF) {
            throw new IllegalStateException("the guards did not null-check " + e + " before its use");
        } else {
            emitValue(e);
        }
    }

    private void emitValue(Expr e) {
        if (e instanceof Expr.Const c) {
            out.ldc(c.value());
        } else if (e instanceof Expr.Var v) {
            out.load(Emitter.loadOpcode(v.kind()), v.slot());
        } else if (e instanceof Expr.Field f) {
            if (f.object() != null) {
                push(f.object());
            }
            out.add(new FieldInsnNode(f.object() == null ? GETSTATIC : GETFIELD, f.owner(), f.name(), f.desc()));
        } else if (e instanceof Expr.ProbeArray p) {
            if (p.constant() != null) {
                out.ldc(p.constant());
                out.checkcast("[Z");
            } else {
                out.invokestatic(p.owner(), Expr.ProbeArray.INIT, "()[Z");
            }
        } else if (e instanceof Expr.Length l) {
            push(l.array());
            out.op(ARRAYLENGTH);
        } else if (e instanceof Expr.Load l) {
            push(l.array());
            push(l.index());
            out.op(arrayLoad(l.kind()));
        } else if (e instanceof Expr.Unary u) {
            unary(u);
        } else if (e instanceof Expr.Binary b) {
            binary(b);
        } else if (e instanceof Expr.Fma f) {
            push(f.a());
            push(f.b());
            push(f.c());
            String d = f.kind().descriptor();
            out.invokestatic("java/lang/Math", "fma", "(" + d + d + d + ")" + d);
        } else if (e instanceof Expr.Convert c) {
            push(c.x());
            convert(c.from(), c.kind());
        } else if (e instanceof Expr.Iv && iv >= 0) {
            out.load(ILOAD, iv);
        } else if (e instanceof Expr.True) {
            out.op(ICONST_1);
        } else if (e instanceof Expr.Not n) {
            push(n.x());
            out.op(ICONST_1);
            out.op(IXOR);
        } else if (e instanceof Expr.Logic l) {
            push(l.left());
            push(l.right());
            out.op(l.and() ? IAND : IOR);
        } else if (e instanceof Expr.Cmp3 c) {
            push(c.left());
            push(c.right());
            out.op(c.opcode());
        } else if (e instanceof Expr.Cmp c) {
            compare(c);
        } else if (e instanceof Expr.Select sel) {
            LabelNode otherwise = new LabelNode();
            LabelNode done = new LabelNode();
            push(sel.cond());
            out.jump(IFEQ, otherwise);
            push(sel.ifTrue());
            out.jump(GOTO, done);
            out.label(otherwise);
            push(sel.ifFalse());
            out.label(done);
        } else {
            throw new IllegalStateException("not a loop-invariant scalar: " + e);
        }
    }

    /** Pushes 1 where the comparison holds, else 0, with Java's NaN rules. */
    private void compare(Expr.Cmp c) {
        push(c.left());
        push(c.right());
        Kind k = c.left().kind().stack();
        if (k == Kind.REF) {
            throw new IllegalStateException("no scalar comparison of references: " + c);
        }
        int jump;
        if (k == Kind.INT || k == Kind.BOOL) {
            jump = IF_ICMPEQ + c.cond().ordinal();
        } else {
            boolean less = c.cond() == Expr.Cond.LT || c.cond() == Expr.Cond.LE;
            out.op(k == Kind.LONG ? LCMP : k == Kind.FLOAT ? (less ? FCMPG : FCMPL) : (less ? DCMPG : DCMPL));
            jump = IFEQ + c.cond().ordinal();
        }
        LabelNode holds = new LabelNode();
        LabelNode done = new LabelNode();
        out.jump(jump, holds);
        out.op(ICONST_0);
        out.jump(GOTO, done);
        out.label(holds);
        out.op(ICONST_1);
        out.label(done);
    }

    private void unary(Expr.Unary u) {
        push(u.x());
        String d = u.kind().stack().descriptor();
        if (u.op().composed()) { // the JDK method itself, on the operand's own type
            String own = u.kind().descriptor();
            String owner = !u.op().bits() ? "java/lang/Math" : u.kind() == Kind.LONG ? "java/lang/Long"
                    : u.kind() == Kind.SHORT ? "java/lang/Short" : "java/lang/Integer";
            out.invokestatic(owner, u.op().symbol(), "(" + own + ")" + (u.op().counts() ? "I" : own));
            if (u.op().counts() && u.kind() == Kind.LONG) {
                out.op(I2L);
            }
            return;
        }
        switch (u.op()) {
            case NEG: out.op(INEG + offset(u.kind())); break;
            case ABS: out.invokestatic("java/lang/Math", "abs", "(" + d + ")" + d); break;
            default: // sqrt and the math functions take double; a float lane is widened and narrowed, as (float) Math.f(x)
                boolean narrow = u.kind() == Kind.FLOAT;
                if (narrow) {
                    out.op(F2D);
                }
                out.invokestatic("java/lang/Math", u.op().symbol(), "(D)D");
                if (narrow) {
                    out.op(D2F);
                }
                break;
        }
    }

    private void binary(Expr.Binary b) {
        push(b.left());
        push(b.right());
        String d = b.kind().stack().descriptor();
        int k = offset(b.kind());
        boolean wide = b.kind() == Kind.LONG;
        switch (b.op()) {
            case ADD: out.op(IADD + k); break;
            case SUB: out.op(ISUB + k); break;
            case MUL: out.op(IMUL + k); break;
            case DIV: out.op(IDIV + k); break;
            case REM: out.op(IREM + k); break;
            case AND: out.op(wide ? LAND : IAND); break;
            case OR: out.op(wide ? LOR : IOR); break;
            case XOR: out.op(wide ? LXOR : IXOR); break;
            case LSHL: out.op(wide ? LSHL : ISHL); break;
            case ASHR: out.op(wide ? LSHR : ISHR); break;
            case LSHR: out.op(wide ? LUSHR : IUSHR); break;
            case MIN: case MAX: case COPY_SIGN: out.invokestatic("java/lang/Math", b.op().symbol(), "(" + d + d + ")" + d); break;
            default:
                if (b.kind() == Kind.FLOAT) { // (float) Math.pow(x, y): both operands widened
                    int right = out.local(1);
                    out.load(FSTORE, right);
                    out.op(F2D);
                    out.load(FLOAD, right);
                    out.op(F2D);
                    out.invokestatic("java/lang/Math", b.op().symbol(), "(DD)D");
                    out.op(D2F);
                } else {
                    out.invokestatic("java/lang/Math", b.op().symbol(), "(DD)D");
                }
                break;
        }
    }

    /**
     * Combines the two values on the stack as a reduction does: {@code acc op term}, or
     * {@code acc - term} for a subtracting sum.
     *
     * @param k the values' stack type
     */
    static void combine(Emitter out, Op op, boolean subtract, Kind k) {
        int o = offset(k);
        boolean wide = k == Kind.LONG;
        String d = k.descriptor();
        switch (op) {
            case ADD: out.op(subtract ? ISUB + o : IADD + o); break;
            case MUL: out.op(IMUL + o); break;
            case AND: out.op(wide ? LAND : IAND); break;
            case OR: out.op(wide ? LOR : IOR); break;
            case XOR: out.op(wide ? LXOR : IXOR); break;
            default: out.invokestatic("java/lang/Math", op.symbol(), "(" + d + d + ")" + d); break;
        }
    }

    /** @return 0, 1, 2, 3 for int, long, float, double: the spacing of the JVM's typed opcodes */
    static int offset(Kind k) {
        switch (k.stack()) {
            case LONG: return 1;
            case FLOAT: return 2;
            case DOUBLE: return 3;
            default: return 0;
        }
    }

    private void convert(Kind from, Kind to) {
        if (to == Kind.BYTE) {
            out.op(I2B);
        } else if (to == Kind.SHORT) {
            out.op(I2S);
        } else if (from.stack() != to) {
            int f = offset(from);
            int t = offset(to);
            // I2L..D2F are laid out by source type, each followed by the three other targets in order.
            out.op(I2L + f * 3 + (t < f ? t : t - 1));
        }
    }

    static int arrayLoad(Kind k) {
        switch (k) {
            case BYTE: case BOOLEAN: return BALOAD;
            case SHORT: return SALOAD;
            case CHAR: return CALOAD;
            default: return IALOAD + offset(k);
        }
    }

    static int arrayStore(Kind k) {
        return arrayLoad(k) + (IASTORE - IALOAD);
    }
}
