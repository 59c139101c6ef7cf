package dev.hotloop.agent.vector;

import java.util.HashMap;
import java.util.Map;
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
    private final Map<Expr, Integer> cache = new HashMap<>();

    ScalarEmitter(Emitter out, LabelNode fallback) {
        this.out = out;
        this.fallback = fallback;
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
            out.load(Emitter.loadOpcode(e.kind()), slot);
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
        } else {
            throw new IllegalStateException("not a loop-invariant scalar: " + e);
        }
    }

    private void unary(Expr.Unary u) {
        push(u.x());
        String d = u.kind().descriptor();
        switch (u.op()) {
            case NEG: out.op(INEG + offset(u.kind())); break;
            case ABS: out.invokestatic("java/lang/Math", "abs", "(" + d + ")" + d); break;
            default: out.invokestatic("java/lang/Math", u.op().symbol(), "(D)D"); break; // sqrt and the math functions take double
        }
    }

    private void binary(Expr.Binary b) {
        push(b.left());
        push(b.right());
        String d = b.kind().descriptor();
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
            case MIN: case MAX: out.invokestatic("java/lang/Math", b.op().symbol(), "(" + d + d + ")" + d); break;
            default: out.invokestatic("java/lang/Math", b.op().symbol(), "(DD)D"); break;
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
            case BYTE: return BALOAD;
            case SHORT: return SALOAD;
            default: return IALOAD + offset(k);
        }
    }

    static int arrayStore(Kind k) {
        return arrayLoad(k) + (IASTORE - IALOAD);
    }
}
