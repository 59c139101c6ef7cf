package dev.hotloop.agent.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * The basic blocks of a method and the edges between them, built from the edges that ASM's
 * data-flow {@link Analyzer} follows, so that it holds for any compiler's output (javac, kotlinc,
 * scalac, ...) and never depends on one instruction pattern. Block 0 is the entry. Exception
 * edges are kept apart: a loop is formed by normal edges only.
 */
public final class ControlFlowGraph {

    private final MethodNode method;
    private final int[] blockOfInsn;
    private final List<int[]> blocks; // {firstInsn, lastInsn}
    private final List<List<Integer>> succ;
    private final List<List<Integer>> pred;
    private final List<List<Integer>> exceptionSucc;

    private ControlFlowGraph(MethodNode method, int[] blockOfInsn, List<int[]> blocks,
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
        int n = method.instructions.size();
        List<List<Integer>> insnSucc = lists(n);
        List<List<Integer>> insnExc = lists(n);
        int[] predCount = new int[n];
        BitSet handlers = new BitSet(n);
        Analyzer<BasicValue> analyzer = new Analyzer<>(new BasicInterpreter()) {
            @Override
            protected void newControlFlowEdge(int insn, int successor) {
                if (!insnSucc.get(insn).contains(successor)) {
                    insnSucc.get(insn).add(successor);
                    predCount[successor]++;
                }
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                if (!insnExc.get(insn).contains(successor)) {
                    insnExc.get(insn).add(successor);
                }
                handlers.set(successor);
                return true;
            }
        };
        var frames = analyzer.analyze(owner, method);

        int[] blockOf = new int[n];
        java.util.Arrays.fill(blockOf, -1);
        List<int[]> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (frames[i] == null) {
                continue; // unreachable
            }
            boolean leader = blocks.isEmpty() || i == 0 || handlers.get(i) || predCount[i] != 1
                    || blockOf[i - 1] < 0 || !insnSucc.get(i - 1).equals(List.of(i));
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
            for (int s : insnSucc.get(range[1])) {
                addEdge(succ, pred, b, blockOf[s]);
            }
            for (int i = range[0]; i <= range[1]; i++) {
                for (int h : insnExc.get(i)) {
                    if (!exc.get(b).contains(blockOf[h])) {
                        exc.get(b).add(blockOf[h]);
                    }
                }
            }
        }
        return new ControlFlowGraph(method, blockOf, blocks, succ, pred, exc);
    }

    private static void addEdge(List<List<Integer>> succ, List<List<Integer>> pred, int from, int to) {
        if (!succ.get(from).contains(to)) {
            succ.get(from).add(to);
            pred.get(to).add(from);
        }
    }

    private static List<List<Integer>> lists(int n) {
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
