package dev.hotloop.agent.vector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * A second copy of the original loop, laid out right after it, for the tier switch's scalar state.
 * The original loop is also the SIMD form's tail, so several paths enter it (the switch, the
 * sample, the guards, the SIMD call); C2 unrolls a loop with several live entries less than the
 * plain method's, and a loop kept scalar after its measurement ran 15 to 25 % slower than the
 * plain JVM (toLong over 1,000 doubles on JDK 17 and 25, 128- to 512-bit vectors). The copy has
 * one entry, the switch's, so the scalar state runs the plain method's loop shape.
 *
 * <p>The copy covers the loop's instructions, which must be one contiguous range (javac's loops
 * are); its exits jump where the original's do, and exception handlers that cover the loop cover
 * the copy too. Where that does not hold, there is no copy and the switch enters the original.
 */
final class LoopCopy implements Opcodes {

    private LoopCopy() {
    }

    /**
     * @param method the method, before the tier code is inserted
     * @param loop   the loop's instructions
     * @param header the label the loop's back edges jump to
     * @return the copy's header, to jump to in the scalar state; null when the loop is not a
     *     contiguous range with whole exception ranges
     */
    static LabelNode append(MethodNode method, Set<AbstractInsnNode> loop, LabelNode header) {
        InsnList insns = method.instructions;
        AbstractInsnNode first = header;
        while (first.getPrevious() instanceof LabelNode l) {
            first = l;
        }
        AbstractInsnNode last = null;
        for (AbstractInsnNode n = first; n != null; n = n.getNext()) {
            if (loop.contains(n)) {
                last = n;
            }
        }
        if (last == null) {
            return null;
        }
        int from = insns.indexOf(first);
        int to = insns.indexOf(last);
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode n : insns) {
            if (n instanceof LabelNode l) {
                labels.put(l, l);
            }
        }
        for (AbstractInsnNode n = first; ; n = n.getNext()) {
            if (n.getOpcode() >= 0 && !loop.contains(n)) {
                return null; // something else lies between the loop's instructions
            }
            if (n instanceof LabelNode l) {
                labels.put(l, new LabelNode());
            }
            if (n == last) {
                break;
            }
        }
        List<TryCatchBlockNode> handlers = new ArrayList<>();
        LabelNode copyStart = new LabelNode();
        LabelNode copyEnd = new LabelNode();
        for (TryCatchBlockNode t : method.tryCatchBlocks) {
            int start = insns.indexOf(t.start);
            int end = insns.indexOf(t.end);
            if (end <= from || start > to) {
                continue; // does not cover the loop
            }
            if (start <= from && end > to) {
                handlers.add(new TryCatchBlockNode(copyStart, copyEnd, t.handler, t.type));
            } else if (start >= from && end <= to) {
                handlers.add(new TryCatchBlockNode(labels.get(t.start), labels.get(t.end), t.handler, t.type));
            } else {
                return null; // a handler range that starts or ends inside the loop
            }
        }
        // The original loop, [a jump over the copy,] the copy, then what followed the loop: a copy
        // that falls off its end falls where the original did.
        InsnList copy = new InsnList();
        LabelNode resume = null;
        if (fallsThrough(last)) {
            resume = new LabelNode();
            insns.insert(last, resume);
            copy.add(new JumpInsnNode(GOTO, resume));
        }
        copy.add(copyStart);
        for (AbstractInsnNode n = first; ; n = n.getNext()) {
            if (!(n instanceof FrameNode)) {
                copy.add(n.clone(labels));
            }
            if (n == last) {
                break;
            }
        }
        copy.add(copyEnd);
        if (resume != null) {
            insns.insertBefore(resume, copy);
        } else {
            insns.insert(last, copy);
        }
        method.tryCatchBlocks.addAll(handlers);
        return labels.get(header);
    }

    private static boolean fallsThrough(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op != GOTO && op != ATHROW && !(op >= IRETURN && op <= RETURN) && op != TABLESWITCH && op != LOOKUPSWITCH;
    }
}
