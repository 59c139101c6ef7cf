package dev.hotloop.agent.parallel;

import dev.hotloop.agent.parallel.LoopLocals.Captured;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Outlines a loop into its chunk method,
 * {@code private static synthetic void hotloop$parallel$N(captured..., parts..., int chunk, int from, int to)}:
 * the captured values are copied to their original slots (shifted past the parameters), each
 * reduction starts from its operator's identity, the loop runs from {@code from} to {@code to},
 * and each reduction's value is stored at {@code parts[chunk]}. For a range the loop is the plain
 * counted loop {@code for (int i = from; i < to; i++) body}, its body copied instruction for
 * instruction; a for-each over a list becomes an index loop calling {@code list.get(i)} where the
 * original called {@code next()}.
 */
final class ChunkOutliner {

    static final String PREFIX = "hotloop$parallel$";

    private final MethodNode method;
    private final LoopShape shape;
    private final LoopLocals locals;
    private final List<Type> params = new ArrayList<>();
    private final int shift;
    private final int listParam;
    private final int[] partsParam;
    private final int chunkParam;
    private final int fromParam;
    private final int toParam;

    /**
     * @param method the method that holds the loop, as it is when the rewrite applies
     * @param shape  the loop
     * @param locals how it uses the method's locals
     */
    ChunkOutliner(MethodNode method, LoopShape shape, LoopLocals locals) {
        this.method = method;
        this.shape = shape;
        this.locals = locals;
        int slot = 0;
        for (Captured c : locals.captured()) {
            slot = add(c.type(), slot);
        }
        listParam = shape.form == LoopForm.LIST_EACH ? slot : -1;
        if (listParam >= 0) {
            slot = add(Type.getType("Ljava/util/List;"), slot);
        }
        partsParam = new int[locals.reductions().size()];
        for (int q = 0; q < partsParam.length; q++) {
            partsParam[q] = slot;
            slot = add(Type.getType("[" + locals.reductions().get(q).type().getDescriptor()), slot);
        }
        chunkParam = slot;
        fromParam = slot + 1;
        toParam = slot + 2;
        slot = add(Type.INT_TYPE, add(Type.INT_TYPE, add(Type.INT_TYPE, slot)));
        shift = slot;
    }

    private int add(Type t, int slot) {
        params.add(t);
        return slot + t.getSize();
    }

    /** @return the chunk method's descriptor */
    String descriptor() {
        return Type.getMethodDescriptor(Type.VOID_TYPE, params.toArray(new Type[0]));
    }

    /**
     * @param name the chunk method's name
     * @return the chunk method
     */
    MethodNode outline(String name) {
        MethodNode chunk = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                name, descriptor(), null, null);
        InsnList out = chunk.instructions;
        int index = shape.inductionVar >= 0 ? shape.inductionVar + shift : shift + method.maxLocals;
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode test = new LabelNode();
        Map<LabelNode, LabelNode> labels = labels();
        for (Captured c : locals.captured()) {
            out.add(new VarInsnNode(c.type().getOpcode(Opcodes.ILOAD), paramSlot(c)));
            out.add(new VarInsnNode(c.type().getOpcode(Opcodes.ISTORE), c.slot() + shift));
        }
        for (Reduction r : locals.reductions()) {
            out.add(r.op().identity(r.type()));
            out.add(new VarInsnNode(r.type().getOpcode(Opcodes.ISTORE), r.slot() + shift));
        }
        out.add(new VarInsnNode(Opcodes.ILOAD, fromParam));
        out.add(new VarInsnNode(Opcodes.ISTORE, index));
        out.add(start);
        if (shape.form == LoopForm.LIST_EACH) {
            out.add(new JumpInsnNode(Opcodes.GOTO, test));
        }
        AbstractInsnNode afterBack = shape.backEdge.getNext();
        for (AbstractInsnNode n = shape.header; n != afterBack; n = n.getNext()) {
            copy(n, out, labels, index, test);
        }
        out.add(labels.get(shape.exit()));
        for (int q = 0; q < partsParam.length; q++) {
            Reduction r = locals.reductions().get(q);
            out.add(new VarInsnNode(Opcodes.ALOAD, partsParam[q]));
            out.add(new VarInsnNode(Opcodes.ILOAD, chunkParam));
            out.add(new VarInsnNode(r.type().getOpcode(Opcodes.ILOAD), r.slot() + shift));
            out.add(new InsnNode(r.type().getOpcode(Opcodes.IASTORE)));
        }
        out.add(new InsnNode(Opcodes.RETURN));
        out.add(end);
        for (TryCatchBlockNode t : method.tryCatchBlocks) {
            if (labels.containsKey(t.start) && labels.containsKey(t.end) && labels.containsKey(t.handler)
                    && t.handler != shape.exit()) {
                chunk.tryCatchBlocks.add(new TryCatchBlockNode(labels.get(t.start), labels.get(t.end),
                        labels.get(t.handler), t.type));
            }
        }
        chunk.localVariables = variables(labels, start, end);
        chunk.maxLocals = shift + method.maxLocals + 1;
        chunk.maxStack = Math.max(method.maxStack, 4) + 2;
        return chunk;
    }

    private void copy(AbstractInsnNode n, InsnList out, Map<LabelNode, LabelNode> labels, int index, LabelNode test) {
        if (n instanceof FrameNode) {
            return;
        }
        if (shape.form == LoopForm.LIST_EACH) {
            if (n == shape.header) {
                out.add(labels.get(n));
                out.add(new IincInsnNode(index, 1));
                out.add(test);
                return;
            }
            if (n instanceof VarInsnNode v && v.var == shape.iteratorVar) {
                if (nextReal(v) == shape.nextCall) {
                    out.add(new VarInsnNode(Opcodes.ALOAD, listParam));
                    out.add(new VarInsnNode(Opcodes.ILOAD, index));
                } else {
                    out.add(new VarInsnNode(Opcodes.ILOAD, index));
                    out.add(new VarInsnNode(Opcodes.ILOAD, toParam));
                    out.add(new JumpInsnNode(Opcodes.IF_ICMPGE, labels.get(shape.exit())));
                }
                return;
            }
            if (n == shape.nextCall) {
                out.add(new MethodInsnNode(Opcodes.INVOKEINTERFACE, "java/util/List", "get", "(I)Ljava/lang/Object;", true));
                return;
            }
            if (n == shape.test || nextReal(n) == shape.test && n instanceof MethodInsnNode) {
                return; // hasNext() and its test, replaced above
            }
        } else if (shape.bound.contains(n)) {
            if (n == shape.bound.get(0)) {
                out.add(new VarInsnNode(Opcodes.ILOAD, toParam));
            }
            return;
        }
        AbstractInsnNode c = n.clone(labels);
        if (c instanceof VarInsnNode v) {
            v.var += shift;
        } else if (c instanceof IincInsnNode inc) {
            inc.var += shift;
        }
        out.add(c);
    }

    private static AbstractInsnNode nextReal(AbstractInsnNode n) {
        AbstractInsnNode x = n.getNext();
        while (x != null && x.getOpcode() < 0) {
            x = x.getNext();
        }
        return x;
    }

    private Map<LabelNode, LabelNode> labels() {
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode n = shape.header; n != shape.backEdge; n = n.getNext()) {
            if (n instanceof LabelNode l) {
                labels.put(l, new LabelNode());
            }
        }
        labels.put(shape.exit(), new LabelNode());
        return labels;
    }

    private int paramSlot(Captured c) {
        int slot = 0;
        for (Captured x : locals.captured()) {
            if (x == c) {
                return slot;
            }
            slot += x.type().getSize();
        }
        throw new IllegalArgumentException(c + " is not captured");
    }

    /** The local variable table: names keep exception messages the same as in the original loop. */
    private List<LocalVariableNode> variables(Map<LabelNode, LabelNode> labels, LabelNode start, LabelNode end) {
        List<LocalVariableNode> out = new ArrayList<>();
        if (method.localVariables == null) {
            return out;
        }
        InsnList insns = method.instructions;
        int header = insns.indexOf(shape.header);
        for (LocalVariableNode lv : method.localVariables) {
            if (lv.index == shape.iteratorVar) {
                continue;
            }
            if (labels.containsKey(lv.start) && labels.containsKey(lv.end)) {
                out.add(new LocalVariableNode(lv.name, lv.desc, lv.signature, labels.get(lv.start), labels.get(lv.end),
                        lv.index + shift));
            } else if (insns.indexOf(lv.start) <= header && header < insns.indexOf(lv.end) && carried(lv.index)) {
                out.add(new LocalVariableNode(lv.name, lv.desc, lv.signature, start, end, lv.index + shift));
            }
        }
        return out;
    }

    private boolean carried(int slot) {
        if (slot == shape.inductionVar) {
            return true;
        }
        for (Captured c : locals.captured()) {
            if (c.slot() == slot) {
                return true;
            }
        }
        for (Reduction r : locals.reductions()) {
            if (r.slot() == slot) {
                return true;
            }
        }
        return false;
    }
}
