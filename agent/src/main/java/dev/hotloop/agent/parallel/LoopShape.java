package dev.hotloop.agent.parallel;

import dev.hotloop.agent.analysis.ControlFlowGraph;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A recognised {@code @Parallel} loop: which {@link LoopForm}, where its instructions lie (one
 * contiguous run from the header's label to the back edge, entered only by falling into the
 * header, left only by the header's test), and the pieces the rewrite replaces: the bound
 * expression of a range, or the iterator calls of a for-each over a list. Holds instruction
 * nodes, never indexes, so it stays valid while other rewrites change the method.
 */
final class LoopShape {

    final LoopForm form;
    final LabelNode header;
    final AbstractInsnNode backEdge;
    /** The loop's index variable; -1 for a for-each over a list, which has none. */
    final int inductionVar;
    /** The header's test: {@code if_icmpge exit} for a range, {@code ifeq exit} for an iterator. */
    final JumpInsnNode test;
    /** Range forms: the bound's instructions, between the index load and the test. */
    final List<AbstractInsnNode> bound;
    /** For-each over a list: the iterator's local, the {@code iterator()} call and the {@code next()} call. */
    final int iteratorVar;
    final MethodInsnNode iteratorCall;
    final MethodInsnNode nextCall;

    /**
     * @return where the header's test leaves the loop, read from the test itself: a SIMD rewrite of the
     *         loop that follows may have redirected it to that loop's new entry
     */
    LabelNode exit() {
        return test.label;
    }

    private LoopShape(LoopForm form, LabelNode header, AbstractInsnNode backEdge, int inductionVar,
                      JumpInsnNode test, List<AbstractInsnNode> bound, int iteratorVar, MethodInsnNode iteratorCall,
                      MethodInsnNode nextCall) {
        this.form = form;
        this.header = header;
        this.backEdge = backEdge;
        this.inductionVar = inductionVar;
        this.test = test;
        this.bound = bound;
        this.iteratorVar = iteratorVar;
        this.iteratorCall = iteratorCall;
        this.nextCall = nextCall;
    }

    /**
     * @param g    the method's control-flow graph
     * @param loop the loop
     * @return its shape
     * @throws Refusal when the loop is not one of the {@link LoopForm}s
     */
    static LoopShape recognise(ControlFlowGraph g, Loop loop) throws Refusal {
        MethodNode m = g.method();
        InsnList insns = m.instructions;
        if (!(insns.get(loop.headerInsn()) instanceof LabelNode header)) {
            throw new Refusal(RefusalCode.LOOP_SHAPE, unrecognised("its header does not start at a label"));
        }
        List<AbstractInsnNode> test = real(insns, g.firstInsn(loop.header()), g.lastInsn(loop.header()));
        checkExits(g, loop);
        AbstractInsnNode backEdge = contiguousEnd(g, loop);
        checkEntry(g, loop, insns, header);
        LoopShape shape = loop.inductionVar() >= 0 ? range(m, loop, header, backEdge, test)
                : listEach(g, loop, header, backEdge, test);
        checkJumpsStayInside(insns, shape);
        return shape;
    }

    /**
     * The chunk copies the instructions from the header to the back edge: every jump among them
     * must land among them or at the exit. A compiler may place a throw that ends the body after
     * the back edge (javac does for a body whose last statement throws after a {@code continue}).
     */
    private static void checkJumpsStayInside(InsnList insns, LoopShape shape) throws Refusal {
        int start = insns.indexOf(shape.header);
        int end = insns.indexOf(shape.backEdge);
        for (int i = start; i <= end; i++) {
            for (LabelNode target : targets(insns.get(i))) {
                int t = insns.indexOf(target);
                if ((t < start || t > end) && target != shape.exit()) {
                    throw new Refusal(RefusalCode.EARLY_EXIT, unrecognised("it jumps to code placed after its back edge, such as a throw "
                            + "that ends the body; end the body with a statement that falls through to the next iteration"));
                }
            }
        }
    }

    private static List<LabelNode> targets(AbstractInsnNode n) {
        if (n instanceof JumpInsnNode j) {
            return List.of(j.label);
        }
        List<LabelNode> out = new ArrayList<>();
        if (n instanceof TableSwitchInsnNode t) {
            out.add(t.dflt);
            out.addAll(t.labels);
        } else if (n instanceof LookupSwitchInsnNode l) {
            out.add(l.dflt);
            out.addAll(l.labels);
        }
        return out;
    }

    private static LoopShape range(MethodNode m, Loop loop, LabelNode header, AbstractInsnNode backEdge,
                                   List<AbstractInsnNode> test) throws Refusal {
        String name = loop.inductionName();
        if (loop.inductionType() != 'I') {
            throw new Refusal(RefusalCode.LOOP_SHAPE, "the loop's index " + name + " is a " + Loop.narrowName(loop.inductionType())
                    + ", which parallel chunks cannot split; declare it int");
        }
        if (loop.step() != 1) {
            throw new Refusal(RefusalCode.STRIDE, "the loop over " + name + " steps by " + loop.step()
                    + "; write it as for (int " + name + " = from; " + name + " < to; " + name + "++)");
        }
        AbstractInsnNode first = test.get(0);
        AbstractInsnNode last = test.get(test.size() - 1);
        if (!(first instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD && v.var == loop.inductionVar())
                || !(last instanceof JumpInsnNode jump) || last.getOpcode() != Opcodes.IF_ICMPGE || test.size() < 3) {
            throw new Refusal(RefusalCode.NON_INVARIANT_BOUND, "the test of the loop over " + name + " is not " + name + " < bound; write it as "
                    + name + " < bound (with <= or a reversed comparison the range cannot be split)");
        }
        List<AbstractInsnNode> bound = List.copyOf(test.subList(1, test.size() - 1));
        for (AbstractInsnNode b : bound) {
            if (!invariantBound(b)) {
                throw new Refusal(RefusalCode.NON_INVARIANT_BOUND, "the bound of the loop over " + name + " is computed by code that may have effects"
                        + " (a call other than size(), a division, ...); compute it into a local before the loop");
            }
        }
        if (!standsAlone(bound)) {
            throw new Refusal(RefusalCode.NON_INVARIANT_BOUND, "the test of the loop over " + name + " computes with " + name + " (such as " + name
                    + " * k < n); write it as " + name + " < bound, with the bound computed without " + name);
        }
        return new LoopShape(formOf(m, loop, header, bound), header, backEdge, loop.inductionVar(), jump,
                bound, -1, null, null);
    }

    private static LoopForm formOf(MethodNode m, Loop loop, LabelNode header, List<AbstractInsnNode> bound) {
        AbstractInsnNode b = bound.get(bound.size() - 1);
        if (b instanceof MethodInsnNode call && call.name.equals("size")) {
            return LoopForm.LIST_INDEX;
        }
        // javac's for-each over an array: arr$ = a; len$ = arr$.length; i$ = 0; then the header.
        if (bound.size() == 1 && b instanceof VarInsnNode len) {
            List<AbstractInsnNode> before = realBefore(header, 4);
            if (before.size() == 4 && before.get(0).getOpcode() == Opcodes.ARRAYLENGTH
                    && before.get(1) instanceof VarInsnNode s && s.getOpcode() == Opcodes.ISTORE && s.var == len.var
                    && before.get(2).getOpcode() == Opcodes.ICONST_0
                    && before.get(3) instanceof VarInsnNode i && i.var == loop.inductionVar()) {
                return LoopForm.ARRAY;
            }
        }
        return LoopForm.RANGE;
    }

    private static LoopShape listEach(ControlFlowGraph g, Loop loop, LabelNode header, AbstractInsnNode backEdge,
                                      List<AbstractInsnNode> test) throws Refusal {
        if (test.size() != 3 || !(test.get(0) instanceof VarInsnNode it) || it.getOpcode() != Opcodes.ALOAD
                || !isCall(test.get(1), "hasNext", "()Z") || !(test.get(2) instanceof JumpInsnNode jump)
                || jump.getOpcode() != Opcodes.IFEQ) {
            throw new Refusal(RefusalCode.LOOP_SHAPE, unrecognised("it has no int index stepping by 1 and is not a for-each over a list"));
        }
        List<AbstractInsnNode> before = realBefore(header, 2);
        if (before.size() != 2 || !isCall(before.get(0), "iterator", "()Ljava/util/Iterator;")
                || !(before.get(1) instanceof VarInsnNode store) || store.getOpcode() != Opcodes.ASTORE || store.var != it.var) {
            throw new Refusal(RefusalCode.LOOP_SHAPE, unrecognised("the iterator is not created right before the loop, as for (T x : list) does"));
        }
        MethodInsnNode next = null;
        InsnList insns = g.method().instructions;
        for (AbstractInsnNode n = header; n != backEdge; n = n.getNext()) {
            if (n instanceof VarInsnNode v && v.var == it.var && n != it) {
                AbstractInsnNode use = v.getNext();
                while (use.getOpcode() < 0) {
                    use = use.getNext();
                }
                if (v.getOpcode() != Opcodes.ALOAD || next != null || !isCall(use, "next", "()Ljava/lang/Object;")
                        || !loop.contains(g.blockOf(insns.indexOf(n))) || !everyIteration(g, loop, header, n)) {
                    throw new Refusal(RefusalCode.ITERATOR_USE, "the loop uses its iterator other than for one next() a turn (remove(), a second "
                            + "next(), ...); write it as an index loop over the list");
                }
                next = (MethodInsnNode) use;
            }
        }
        if (next == null) {
            throw new Refusal(RefusalCode.LOOP_SHAPE, unrecognised("the for-each loop never calls next()"));
        }
        return new LoopShape(LoopForm.LIST_EACH, header, backEdge, -1, jump, List.of(), it.var,
                (MethodInsnNode) before.get(0), next);
    }

    /**
     * The header's test is the one way out, apart from throws: an edge to code that can only end
     * in {@code athrow} is an exception, which the runtime rethrows from the first failing iteration.
     */
    private static void checkExits(ControlFlowGraph g, Loop loop) throws Refusal {
        int exits = 0;
        var body = loop.body();
        for (int b = body.nextSetBit(0); b >= 0; b = body.nextSetBit(b + 1)) {
            for (int s : g.successors(b)) {
                if (!loop.contains(s) && (b == loop.header() || !onlyThrows(g, loop, s, new BitSet()))) {
                    exits++;
                }
            }
        }
        if (exits > 1) {
            throw new Refusal(RefusalCode.EARLY_EXIT, "the loop has " + exits + " exits (break, return or labelled continue inside it); "
                    + "a parallel loop must run every iteration: move the early exit out of the loop");
        }
    }

    private static boolean onlyThrows(ControlFlowGraph g, Loop loop, int block, BitSet seen) {
        if (seen.get(block)) {
            return true;
        }
        seen.set(block);
        InsnList insns = g.method().instructions;
        int last = insns.get(g.lastInsn(block)).getOpcode();
        if (loop.contains(block) || last >= Opcodes.IRETURN && last <= Opcodes.RETURN
                || g.successors(block).isEmpty() && last != Opcodes.ATHROW) {
            return false;
        }
        for (int s : g.successors(block)) {
            if (!onlyThrows(g, loop, s, seen)) {
                return false;
            }
        }
        return true;
    }

    /** The next() of javac's for-each sits in the block that the header's test falls into. */
    private static boolean everyIteration(ControlFlowGraph g, Loop loop, LabelNode header, AbstractInsnNode n) {
        InsnList insns = g.method().instructions;
        int block = g.blockOf(insns.indexOf(n));
        List<Integer> preds = g.predecessors(block);
        return preds.size() == 1 && preds.get(0) == loop.header();
    }

    private static AbstractInsnNode contiguousEnd(ControlFlowGraph g, Loop loop) throws Refusal {
        InsnList insns = g.method().instructions;
        int start = loop.headerInsn();
        int end = -1;
        var body = loop.body();
        for (int b = body.nextSetBit(0); b >= 0; b = body.nextSetBit(b + 1)) {
            if (g.firstInsn(b) < start) {
                throw new Refusal(RefusalCode.LOOP_SHAPE, unrecognised("part of its body lies before its header"));
            }
            end = Math.max(end, g.lastInsn(b));
        }
        for (int i = start; i <= end; i++) {
            int b = g.blockOf(i);
            if (b >= 0 && !loop.contains(b) && !onlyThrows(g, loop, b, new BitSet())) {
                throw new Refusal(RefusalCode.LOOP_SHAPE, unrecognised("code outside the loop lies between its instructions"));
            }
        }
        AbstractInsnNode last = insns.get(end);
        if (last.getOpcode() != Opcodes.GOTO || ((JumpInsnNode) last).label != insns.get(start)) {
            throw new Refusal(RefusalCode.LOOP_SHAPE, unrecognised("it does not end with a jump back to its header"));
        }
        return last;
    }

    private static void checkEntry(ControlFlowGraph g, Loop loop, InsnList insns, LabelNode header) throws Refusal {
        int outside = 0;
        for (int p : g.predecessors(loop.header())) {
            if (!loop.contains(p)) {
                outside++;
            }
        }
        AbstractInsnNode prev = header.getPrevious();
        while (prev != null && prev.getOpcode() < 0) {
            prev = prev.getPrevious();
        }
        if (outside != 1 || prev == null || !falls(prev)) {
            throw new Refusal(RefusalCode.LOOP_SHAPE, unrecognised("it is not entered by falling into its header"));
        }
    }

    private static boolean falls(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        return op != Opcodes.GOTO && op != Opcodes.ATHROW && op != Opcodes.TABLESWITCH && op != Opcodes.LOOKUPSWITCH
                && (op < Opcodes.IRETURN || op > Opcodes.RETURN) && insn.getType() != AbstractInsnNode.JUMP_INSN;
    }

    private static boolean invariantBound(AbstractInsnNode b) {
        int op = b.getOpcode();
        if (b instanceof MethodInsnNode call) {
            return call.name.equals("size") && call.desc.equals("()I") && call.owner.startsWith("java/util/");
        }
        if (b instanceof FieldInsnNode) {
            return op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC;
        }
        return op >= Opcodes.ICONST_M1 && op <= Opcodes.LDC || op == Opcodes.ILOAD || op == Opcodes.ALOAD
                || op == Opcodes.ARRAYLENGTH || op == Opcodes.IADD || op == Opcodes.ISUB || op == Opcodes.IMUL
                || op >= Opcodes.ISHL && op <= Opcodes.IXOR && op % 2 == 0 || op == Opcodes.INEG;
    }

    /**
     * Whether the bound's instructions compute one value from nothing: none of them consumes the
     * index that the test loaded first. Only the opcodes {@link #invariantBound} admits occur.
     */
    private static boolean standsAlone(List<AbstractInsnNode> bound) {
        int depth = 0;
        for (AbstractInsnNode b : bound) {
            int op = b.getOpcode();
            boolean binary = op == Opcodes.IADD || op == Opcodes.ISUB || op == Opcodes.IMUL
                    || op >= Opcodes.ISHL && op <= Opcodes.IXOR;
            boolean unary = op == Opcodes.GETFIELD || op == Opcodes.ARRAYLENGTH || op == Opcodes.INEG
                    || b instanceof MethodInsnNode && op != Opcodes.INVOKESTATIC;
            int needs = binary ? 2 : unary ? 1 : 0;
            if (depth < needs) {
                return false;
            }
            depth += binary ? -1 : unary ? 0 : 1;
        }
        return depth == 1;
    }

    private static boolean isCall(AbstractInsnNode insn, String name, String desc) {
        return insn instanceof MethodInsnNode call && call.name.equals(name) && call.desc.equals(desc)
                && (insn.getOpcode() == Opcodes.INVOKEINTERFACE || insn.getOpcode() == Opcodes.INVOKEVIRTUAL);
    }

    private static List<AbstractInsnNode> real(InsnList insns, int from, int to) {
        List<AbstractInsnNode> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (insns.get(i).getOpcode() >= 0) {
                out.add(insns.get(i));
            }
        }
        return out;
    }

    /** @return the {@code count} instructions before {@code at}, coverage probes (flag stores) left out */
    private static List<AbstractInsnNode> realBefore(AbstractInsnNode at, int count) {
        List<AbstractInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode n = previousReal(at); n != null && out.size() < count; n = previousReal(n)) {
            AbstractInsnNode probe = flagStoreStart(n);
            if (probe != null) {
                n = probe;
            } else {
                out.add(0, n);
            }
        }
        return out;
    }

    private static AbstractInsnNode previousReal(AbstractInsnNode n) {
        AbstractInsnNode p = n.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    /**
     * @return the first instruction of {@code aload p; iconst/bipush/sipush k; iconst_1; bastore}
     *     (JaCoCo's probe, which only sets a flag) when {@code n} ends one, else null
     */
    private static AbstractInsnNode flagStoreStart(AbstractInsnNode n) {
        if (n.getOpcode() != Opcodes.BASTORE) {
            return null;
        }
        AbstractInsnNode one = previousReal(n);
        AbstractInsnNode index = one == null ? null : previousReal(one);
        AbstractInsnNode array = index == null ? null : previousReal(index);
        if (array == null || one.getOpcode() != Opcodes.ICONST_1 || array.getOpcode() != Opcodes.ALOAD) {
            return null;
        }
        int op = index.getOpcode();
        return op >= Opcodes.ICONST_0 && op <= Opcodes.ICONST_5 || op == Opcodes.BIPUSH || op == Opcodes.SIPUSH ? array : null;
    }

    private static String unrecognised(String why) {
        return "loop shape not recognised (" + why + "); write it as for (int i = from; i < to; i++), "
                + "for (T x : array) or for (T x : list)";
    }
}
