package dev.hotloop.agent.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The basic blocks of a method and the edges between them: the edges that ASM's data-flow
 * {@code Analyzer} follows, taken from the instructions themselves (jumps, switches, fall-through,
 * try-catch ranges) in one pass over the reachable code, without computing a frame per
 * instruction, so that it holds for any compiler's output (javac, kotlinc, scalac, ...) and never
 * depends on one instruction pattern. Block 0 is the entry. Exception edges are kept apart: a loop
 * is formed by normal edges only. Methods with JSR/RET subroutines (class files before Java 6)
 * take ASM's Analyzer itself ({@link Subroutines}), whose subroutine edges need its frames.
 */
public final class ControlFlowGraph {

    private final MethodNode method;
    private final int[] blockOfInsn;
    private final List<int[]> blocks; // {firstInsn, lastInsn}
    private final List<List<Integer>> succ;
    private final List<List<Integer>> pred;
    private final List<List<Integer>> exceptionSucc;

    ControlFlowGraph(MethodNode method, int[] blockOfInsn, List<int[]> blocks,
                             List<List<Integer>> succ, List<List<Integer>> pred, List<List<Integer>> exceptionSucc) {
        this.method = method;
        this.blockOfInsn = blockOfInsn;
        this.blocks = blocks;
        this.succ = succ;
        this.pred = pred;
        this.exceptionSucc = exceptionSucc;
    }

    /**
     * @param owner  internal name of the declaring class
     * @param method a method with code
     * @return its graph
     * @throws AnalyzerException when the bytecode is not well formed
     */
    public static ControlFlowGraph build(String owner, MethodNode method) throws AnalyzerException {
        if (Subroutines.present(method)) {
            return Subroutines.graph(owner, method);
        }
        InsnList insns = method.instructions;
        int n = insns.size();
        AbstractInsnNode[] code = insns.toArray();
        List<TryCatchBlockNode>[] handlersAt = handlers(method, insns, n);
        int[][] insnSucc = new int[n][]; // normal successors, each once; null while unreached
        int[][] insnExc = new int[n][];  // handlers; null outside try ranges
        int[] predCount = new int[n];
        BitSet handlers = new BitSet(n);
        BitSet reached = new BitSet(n);
        int[] work = new int[n + 1];
        int top = 0;
        if (n > 0) {
            reached.set(0);
            work[top++] = 0;
        }
        // The edges and reachability of ASM's Analyzer, without its frames: the same successors in
        // the same order (fall-through before the jump target, a switch's default before its
        // labels), and from every reachable instruction inside a try range (labels and line
        // numbers included) an edge to its handler, in the order of the try-catch blocks.
        while (top > 0) {
            int i = work[--top];
            AbstractInsnNode insn = code[i];
            int[] succ = successors(insn, i, insns);
            insnSucc[i] = succ;
            for (int t : succ) {
                if (t >= n) {
                    throw new AnalyzerException(insn, "execution can fall off the end of the code");
                }
                predCount[t]++;
                if (!reached.get(t)) {
                    reached.set(t);
                    work[top++] = t;
                }
            }
            if (handlersAt[i] != null) {
                int[] exc = NONE;
                for (TryCatchBlockNode tcb : handlersAt[i]) {
                    int h = insns.indexOf(tcb.handler);
                    exc = with(exc, h);
                    handlers.set(h);
                    if (!reached.get(h)) {
                        reached.set(h);
                        work[top++] = h;
                    }
                }
                insnExc[i] = exc;
            }
        }

        return fromEdges(method, insnSucc, insnExc, predCount, handlers);
    }

    /**
     * Basic blocks and their edges from the edges of each instruction.
     *
     * @param insnSucc  per instruction, its normal successors, each once; null when unreachable
     * @param insnExc   per instruction, the handlers it may jump to; null for none
     * @param predCount per instruction, how many instructions have it as a normal successor
     * @param handlers  the instructions that start a handler
     */
    static ControlFlowGraph fromEdges(MethodNode method, int[][] insnSucc, int[][] insnExc, int[] predCount, BitSet handlers) {
        int n = insnSucc.length;
        int[] blockOf = new int[n];
        java.util.Arrays.fill(blockOf, -1);
        List<int[]> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (insnSucc[i] == null) {
                continue; // unreachable
            }
            boolean leader = blocks.isEmpty() || i == 0 || handlers.get(i) || predCount[i] != 1
                    || blockOf[i - 1] < 0 || insnSucc[i - 1].length != 1 || insnSucc[i - 1][0] != i;
            if (leader) {
                blocks.add(new int[] {i, i});
            } else {
                blocks.get(blocks.size() - 1)[1] = i;
            }
            blockOf[i] = blocks.size() - 1;
        }
        List<List<Integer>> succ = lists(blocks.size());
        List<List<Integer>> pred = lists(blocks.size());
        List<List<Integer>> exc = lists(blocks.size());
        for (int b = 0; b < blocks.size(); b++) {
            int[] range = blocks.get(b);
            for (int s : insnSucc[range[1]]) {
                addEdge(succ, pred, b, blockOf[s]);
            }
            for (int i = range[0]; i <= range[1]; i++) {
                if (insnExc[i] == null) {
                    continue;
                }
                for (int h : insnExc[i]) {
                    if (!exc.get(b).contains(blockOf[h])) {
                        exc.get(b).add(blockOf[h]);
                    }
                }
            }
        }
        return new ControlFlowGraph(method, blockOf, blocks, succ, pred, exc);
    }

    private static final int[] NONE = {};

    /** @return the normal successors of an instruction, each once, in the order ASM's Analyzer reports them */
    private static int[] successors(AbstractInsnNode insn, int i, InsnList insns) throws AnalyzerException {
        int op = insn.getOpcode();
        if (insn instanceof JumpInsnNode) {
            if (op == Opcodes.JSR) {
                throw new AnalyzerException(insn, "JSR/RET subroutines are not supported");
            }
            int target = insns.indexOf(((JumpInsnNode) insn).label);
            return op == Opcodes.GOTO ? new int[] {target} : with(new int[] {i + 1}, target);
        }
        if (insn instanceof LookupSwitchInsnNode) {
            LookupSwitchInsnNode sw = (LookupSwitchInsnNode) insn;
            return switchTargets(insns, sw.dflt, sw.labels);
        }
        if (insn instanceof TableSwitchInsnNode) {
            TableSwitchInsnNode sw = (TableSwitchInsnNode) insn;
            return switchTargets(insns, sw.dflt, sw.labels);
        }
        if (op == Opcodes.RET) {
            throw new AnalyzerException(insn, "JSR/RET subroutines are not supported");
        }
        if (op == Opcodes.ATHROW || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)) {
            return NONE;
        }
        return new int[] {i + 1};
    }

    private static int[] switchTargets(InsnList insns, LabelNode dflt, List<LabelNode> labels) {
        int[] out = {insns.indexOf(dflt)};
        for (LabelNode l : labels) {
            out = with(out, insns.indexOf(l));
        }
        return out;
    }

    /** @return {@code a} with {@code x} appended, unless it holds it already */
    private static int[] with(int[] a, int x) {
        for (int v : a) {
            if (v == x) {
                return a;
            }
        }
        int[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }

    /** @return per instruction, the try-catch blocks whose range holds it (null for none), in table order */
    @SuppressWarnings("unchecked")
    private static List<TryCatchBlockNode>[] handlers(MethodNode method, InsnList insns, int n) {
        List<TryCatchBlockNode>[] at = (List<TryCatchBlockNode>[]) new List<?>[n];
        if (method.tryCatchBlocks == null) {
            return at;
        }
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int start = insns.indexOf(tcb.start);
            int end = insns.indexOf(tcb.end);
            for (int i = start; i < end; i++) {
                if (at[i] == null) {
                    at[i] = new ArrayList<>(2);
                }
                at[i].add(tcb);
            }
        }
        return at;
    }

    private static void addEdge(List<List<Integer>> succ, List<List<Integer>> pred, int from, int to) {
        if (!succ.get(from).contains(to)) {
            succ.get(from).add(to);
            pred.get(to).add(from);
        }
    }

    /** @return {@code n} empty lists */
    static List<List<Integer>> lists(int n) {
        List<List<Integer>> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(new ArrayList<>(2));
        }
        return l;
    }

    /** @return the method this graph was built from */
    public MethodNode method() {
        return method;
    }

    /** @return how many reachable basic blocks the method has */
    public int size() {
        return blocks.size();
    }

    /** @return normal successors of a block */
    public List<Integer> successors(int block) {
        return succ.get(block);
    }

    /** @return normal predecessors of a block */
    public List<Integer> predecessors(int block) {
        return pred.get(block);
    }

    /** @return exception handlers that instructions of a block may jump to */
    public List<Integer> exceptionSuccessors(int block) {
        return exceptionSucc.get(block);
    }

    /** @return index of the first instruction of a block */
    public int firstInsn(int block) {
        return blocks.get(block)[0];
    }

    /** @return index of the last instruction of a block */
    public int lastInsn(int block) {
        return blocks.get(block)[1];
    }

    /** @return the block holding an instruction, or -1 when it is unreachable */
    public int blockOf(int insn) {
        return blockOfInsn[insn];
    }

    /** @return the block holding an instruction, or -1 when it is unreachable */
    public int blockOf(AbstractInsnNode insn) {
        return blockOfInsn[method.instructions.indexOf(insn)];
    }
}
