package dev.hotloop.agent.vector;

import dev.hotloop.agent.analysis.ExactTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The parameters and results of a loop moved into a method of its own: every local of the caller
 * that the moved code reads is a parameter; the locals it writes (the induction variable and the
 * reductions) come first among the parameters and are returned, as an {@code int} when the
 * induction variable is the only one, else as a {@code long[]} of raw bits in parameter order.
 *
 * @param slots the caller's local of each parameter
 * @param types each parameter's type
 * @param outputs how many leading parameters are also results
 */
record LoopSignature(int[] slots, Type[] types, int outputs) implements Opcodes {

    /**
     * @param bodies   the moved code, in the caller's slot space
     * @param below    locals at or above this are the moved code's own
     * @param iv       the induction variable, the first result
     * @param header   the frame at the loop header, for the types of the caller's own references
     * @param original locals below this are the caller's own (typed by {@code header})
     * @param held     references the caller computed into locals, by local, for their types
     */
    static LoopSignature of(List<InsnList> bodies, int below, int iv, Frame<BasicValue> header, int original,
                            Map<Expr, Integer> held) {
        Map<Integer, Type> reads = new TreeMap<>();
        Map<Integer, Type> writes = new TreeMap<>();
        for (InsnList body : bodies) {
            for (AbstractInsnNode n : body) {
                if (n instanceof IincInsnNode inc && inc.var < below) {
                    reads.put(inc.var, Type.INT_TYPE);
                    writes.put(inc.var, Type.INT_TYPE);
                } else if (n instanceof VarInsnNode v && v.var < below) {
                    boolean load = v.getOpcode() <= ALOAD;
                    Type t = v.getOpcode() == (load ? ALOAD : ASTORE)
                            ? reference(v.var, header, original, held)
                            : primitive(load ? v.getOpcode() - ILOAD : v.getOpcode() - ISTORE);
                    Type known = (load ? reads : writes).put(v.var, t);
                    if (known != null && !known.equals(t)) {
                        throw new IllegalStateException("local " + v.var + " is used as " + known + " and as " + t);
                    }
                }
            }
        }
        if (!writes.containsKey(iv)) {
            throw new IllegalStateException("the moved loop does not advance its induction variable");
        }
        List<Integer> order = new ArrayList<>();
        order.add(iv);
        for (int w : writes.keySet()) {
            if (w != iv) {
                order.add(w);
            }
        }
        int outputs = order.size();
        for (int r : reads.keySet()) {
            if (!writes.containsKey(r)) {
                order.add(r);
            }
        }
        int[] slots = new int[order.size()];
        Type[] types = new Type[order.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = order.get(i);
            Type t = i < outputs ? writes.get(slots[i]) : reads.get(slots[i]);
            Type r = reads.get(slots[i]);
            if (r != null && !r.equals(t)) {
                throw new IllegalStateException("local " + slots[i] + " is read as " + r + " and written as " + t);
            }
            types[i] = t;
        }
        return new LoopSignature(slots, types, outputs);
    }

    /**
     * @param body  more code in the caller's slot space
     * @param below locals at or above this are the code's own
     * @return null when the code reads only parameters and writes only results, each with its type;
     *     else the first local it uses otherwise
     */
    String covers(InsnList body, int below) {
        for (AbstractInsnNode n : body) {
            int var;
            boolean write;
            Type t;
            if (n instanceof IincInsnNode inc) {
                var = inc.var;
                write = true;
                t = Type.INT_TYPE;
            } else if (n instanceof VarInsnNode v) {
                var = v.var;
                boolean load = v.getOpcode() <= ALOAD;
                write = !load;
                t = v.getOpcode() == (load ? ALOAD : ASTORE) ? null : primitive(load ? v.getOpcode() - ILOAD : v.getOpcode() - ISTORE);
            } else {
                continue;
            }
            if (var >= below) {
                continue;
            }
            int p = indexOf(var);
            if (p < 0 || write && p >= outputs || (t == null ? types[p].getSort() < Type.ARRAY : !t.equals(types[p]))) {
                return "local " + var + (write ? " (written)" : " (read)");
            }
        }
        return null;
    }

    private int indexOf(int slot) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == slot) {
                return i;
            }
        }
        return -1;
    }

    /** @return the descriptor of the outlined methods */
    String descriptor() {
        return Type.getMethodDescriptor(returnType(), types);
    }

    Type returnType() {
        return outputs == 1 ? Type.INT_TYPE : Type.getType("[J");
    }

    /** @return the locals the parameters take */
    int size() {
        int s = 0;
        for (Type t : types) {
            s += t.getSize();
        }
        return s;
    }

    private static Type primitive(int offset) {
        switch (offset) {
            case 0: return Type.INT_TYPE;
            case 1: return Type.LONG_TYPE;
            case 2: return Type.FLOAT_TYPE;
            default: return Type.DOUBLE_TYPE;
        }
    }

    private static Type reference(int slot, Frame<BasicValue> header, int original, Map<Expr, Integer> held) {
        if (slot < original) {
            BasicValue v = header.getLocal(slot);
            if (ExactTypes.isExactReference(v)) {
                return v.getType();
            }
            throw new IllegalStateException("the class of local " + slot + " is not known at the loop header");
        }
        for (Map.Entry<Expr, Integer> e : held.entrySet()) {
            if (e.getValue() == slot) {
                return typeOf(e.getKey(), header);
            }
        }
        throw new IllegalStateException("local " + slot + " holds no known reference");
    }

    private static Type typeOf(Expr e, Frame<BasicValue> header) {
        if (e instanceof Expr.Field f) {
            return Type.getType(f.desc());
        } else if (e instanceof Expr.ProbeArray) {
            return Type.getType("[Z");
        } else if (e instanceof Expr.Load l) {
            return Type.getType(typeOf(l.array(), header).getDescriptor().substring(1));
        } else if (e instanceof Expr.Var v) {
            BasicValue b = header.getLocal(v.slot());
            if (ExactTypes.isExactReference(b)) {
                return b.getType();
            }
        }
        throw new IllegalStateException("the class of " + e + " is not known at the loop header");
    }
}
