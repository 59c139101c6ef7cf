package dev.hotloop.agent.parallel;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.parallel.LoopLocals.Captured;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Whether a {@code @Parallel(cluster = true)} loop's effects can be shipped to a cluster, and how
 * each argument of its chunk method travels. A chunk on another machine can only give back what
 * the driver merges: writes into captured primitive arrays at the loop index plus one constant
 * (the chunk's slice) and its reductions (the chunk's partial values). Any other write (a field,
 * an array reached through another array or a call's result, an index that is not {@code i + c})
 * keeps the loop on the local pool, with the reason.
 *
 * <p>The result is the loop's <em>roles</em>, one token per chunk-method argument before
 * {@code chunk, from, to}, joined by {@code ;}: {@code v} a value (primitive, string, or an object
 * the runtime checks is {@code Serializable}), {@code r} a primitive array the loop only reads,
 * {@code w<c>} an array the loop only writes, at {@code i + c}, {@code x<c>} one it also reads,
 * {@code p} a reduction's per-chunk values. The runtime ({@code dev.hotloop.runtime.parallel.Cluster})
 * reads the same tokens.
 */
final class ClusterShipping {

    private ClusterShipping() {
    }

    /**
     * @param m       the method
     * @param sources which instructions produce each stack value
     * @param shape   the loop
     * @param locals  its captured locals and reductions
     * @return the roles of the chunk method's arguments
     * @throws Refusal naming the first effect that cannot be shipped
     */
    static String roles(MethodNode m, Frame<SourceValue>[] sources, LoopShape shape, LoopLocals locals) throws Refusal {
        Map<Integer, Integer> offsets = new HashMap<>();
        Set<AbstractInsnNode> storeTargets = new HashSet<>();
        for (AbstractInsnNode n = shape.header; n != shape.backEdge; n = n.getNext()) {
            int op = n.getOpcode();
            if (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC) {
                throw new Refusal(RefusalCode.NOT_SHIPPABLE, "the loop writes field " + ((FieldInsnNode) n).name
                        + ", and a write on another machine never reaches this JVM; write each iteration's result to "
                        + "a captured array at the loop index, or use a reduction");
            }
            if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
                store(m, sources, shape, locals, n, offsets, storeTargets);
            }
        }
        StringJoiner roles = new StringJoiner(";");
        for (Captured c : locals.captured()) {
            Integer offset = offsets.get(c.slot());
            if (offset == null) {
                roles.add(isPrimitiveArray(c.type()) ? "r" : "v");
            } else {
                roles.add((readsOtherwise(m, shape, c.slot(), storeTargets) ? "x" : "w") + offset);
            }
        }
        if (shape.form == LoopForm.LIST_EACH) {
            roles.add("v");
        }
        for (int q = 0; q < locals.reductions().size(); q++) {
            roles.add("p");
        }
        return roles.toString();
    }

    private static void store(MethodNode m, Frame<SourceValue>[] sources, LoopShape shape, LoopLocals locals,
                              AbstractInsnNode n, Map<Integer, Integer> offsets, Set<AbstractInsnNode> storeTargets)
            throws Refusal {
        if (n.getOpcode() == Opcodes.AASTORE) {
            throw new Refusal(RefusalCode.NOT_SHIPPABLE, "the loop stores objects into an array; only primitive values written at the loop "
                    + "index can be shipped back from the cluster");
        }
        Frame<SourceValue> f = sources[m.instructions.indexOf(n)];
        SourceValue array = f.getStack(f.getStackSize() - 3);
        SourceValue index = f.getStack(f.getStackSize() - 2);
        Captured target = capturedArray(array, locals);
        if (target == null) {
            throw new Refusal(RefusalCode.NOT_SHIPPABLE, "the loop writes into an array that is not a captured local variable (for example "
                    + "a row of a 2-D array or an array a call returned); only writes into captured primitive arrays "
                    + "come back from the cluster: write into a 1-D array declared before the loop");
        }
        Integer offset = offset(m, sources, shape, index);
        if (offset == null) {
            throw new Refusal(RefusalCode.NOT_SHIPPABLE, "the loop writes " + target.name() + "[...] at an index other than the loop index plus "
                    + "a constant; only such writes come back from the cluster");
        }
        Integer before = offsets.put(target.slot(), offset);
        if (before != null && !before.equals(offset)) {
            throw new Refusal(RefusalCode.NOT_SHIPPABLE, "the loop writes " + target.name() + " at two offsets from the loop index ("
                    + before + " and " + offset + "); a chunk's slice must be one shifted range");
        }
        storeTargets.addAll(array.insns);
    }

    private static Captured capturedArray(SourceValue array, LoopLocals locals) {
        if (array.insns.size() != 1 || !(array.insns.iterator().next() instanceof VarInsnNode v)
                || v.getOpcode() != Opcodes.ALOAD) {
            return null;
        }
        for (Captured c : locals.captured()) {
            if (c.slot() == v.var && isPrimitiveArray(c.type())) {
                return c;
            }
        }
        return null;
    }

    /** @return {@code c} when the index is {@code i}, {@code i + c}, {@code c + i} or {@code i - c}; else null */
    private static Integer offset(MethodNode m, Frame<SourceValue>[] sources, LoopShape shape, SourceValue index) {
        if (shape.inductionVar < 0 || index.insns.size() != 1) {
            return null;
        }
        AbstractInsnNode n = index.insns.iterator().next();
        if (isInduction(n, shape)) {
            return 0;
        }
        if (n.getOpcode() != Opcodes.IADD && n.getOpcode() != Opcodes.ISUB) {
            return null;
        }
        Frame<SourceValue> f = sources[m.instructions.indexOf(n)];
        SourceValue a = f.getStack(f.getStackSize() - 2);
        SourceValue b = f.getStack(f.getStackSize() - 1);
        if (a.insns.size() != 1 || b.insns.size() != 1) {
            return null;
        }
        AbstractInsnNode x = a.insns.iterator().next();
        AbstractInsnNode y = b.insns.iterator().next();
        Integer cy = constant(y);
        if (isInduction(x, shape) && cy != null) {
            return n.getOpcode() == Opcodes.IADD ? cy : -cy;
        }
        Integer cx = constant(x);
        return n.getOpcode() == Opcodes.IADD && cx != null && isInduction(y, shape) ? cx : null;
    }

    private static boolean isInduction(AbstractInsnNode n, LoopShape shape) {
        return n instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD && v.var == shape.inductionVar;
    }

    private static Integer constant(AbstractInsnNode n) {
        int op = n.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
            return op - Opcodes.ICONST_0;
        }
        if (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) {
            return ((IntInsnNode) n).operand;
        }
        return n instanceof LdcInsnNode l && l.cst instanceof Integer i ? i : null;
    }

    /** Whether the loop uses the array in {@code slot} other than as the target of its stores or for its length. */
    private static boolean readsOtherwise(MethodNode m, LoopShape shape, int slot, Set<AbstractInsnNode> storeTargets) {
        for (AbstractInsnNode n = shape.header; n != shape.backEdge; n = n.getNext()) {
            if (n instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == slot && !storeTargets.contains(n)
                    && nextReal(n).getOpcode() != Opcodes.ARRAYLENGTH) {
                return true;
            }
        }
        return false;
    }

    private static AbstractInsnNode nextReal(AbstractInsnNode n) {
        AbstractInsnNode x = n.getNext();
        while (x != null && x.getOpcode() < 0) {
            x = x.getNext();
        }
        return x;
    }

    private static boolean isPrimitiveArray(Type t) {
        return t.getSort() == Type.ARRAY && t.getDimensions() == 1 && t.getElementType().getSort() != Type.OBJECT;
    }
}
