package dev.hotloop.agent.analysis;

import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * The control-flow graph of a method with JSR/RET subroutines (class files before Java 6), whose
 * {@code ret} successors depend on which {@code jsr} called: built from the edges ASM's data-flow
 * {@link Analyzer} follows, at the price of a frame per instruction. Every other method takes the
 * direct construction of {@link ControlFlowGraph#build}, which yields the same graph.
 */
final class Subroutines {

    private Subroutines() {
    }

    /** @return whether the method holds a {@code jsr} or {@code ret} */
    static boolean present(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            int op = insn.getOpcode();
            if (op == Opcodes.JSR || op == Opcodes.RET) {
                return true;
            }
        }
        return false;
    }

    static ControlFlowGraph graph(String owner, MethodNode method) throws AnalyzerException {
        int n = method.instructions.size();
        List<List<Integer>> insnSucc = ControlFlowGraph.lists(n);
        List<List<Integer>> insnExc = ControlFlowGraph.lists(n);
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
        int[][] succ = new int[n][];
        int[][] exc = new int[n][];
        for (int i = 0; i < n; i++) {
            if (frames[i] != null) {
                succ[i] = ints(insnSucc.get(i));
                exc[i] = insnExc.get(i).isEmpty() ? null : ints(insnExc.get(i));
            }
        }
        return ControlFlowGraph.fromEdges(method, succ, exc, predCount, handlers);
    }

    private static int[] ints(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }
}
