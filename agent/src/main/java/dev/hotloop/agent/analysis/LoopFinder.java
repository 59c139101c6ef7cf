package dev.hotloop.agent.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Finds the natural loops of a method on its control-flow graph, nests them, and recognises each
 * loop's source line and its induction variable: an {@code int} local stepped by one constant
 * {@code iinc} on every iteration, or a {@code short}, {@code byte} or {@code char} local stepped
 * by javac's {@code i = (short) (i + c)} ({@link NarrowStep}), stored nowhere else in the loop,
 * and read by the loop's exit test when several locals qualify.
 */
public final class LoopFinder {

    private LoopFinder() {
    }

    /**
     * @param owner  internal name of the declaring class
     * @param method a method with code
     * @return its loops, outer before inner, in bytecode order of their headers
     * @throws AnalyzerException when the bytecode is not well formed
     */
    public static List<Loop> find(String owner, MethodNode method) throws AnalyzerException {
        ControlFlowGraph g = ControlFlowGraph.build(owner, method);
        return find(g);
    }

    static List<Loop> find(ControlFlowGraph g) {
        return find(g, Dominators.of(g));
    }

    static List<Loop> find(ControlFlowGraph g, Dominators dom) {
        Map<Integer, BitSet> bodies = new LinkedHashMap<>();
        Map<Integer, List<Integer>> latches = new LinkedHashMap<>();
        for (int b = 0; b < g.size(); b++) {
            for (int h : g.successors(b)) {
                if (dom.dominates(h, b)) {
                    if (!bodies.containsKey(h)) {
                        bodies.put(h, new BitSet());
                        latches.put(h, new ArrayList<>());
                    }
                    BitSet body = bodies.get(h);
                    latches.get(h).add(b);
                    collect(g, h, b, body);
                }
            }
        }
        List<Loop> loops = new ArrayList<>();
        for (Map.Entry<Integer, BitSet> e : bodies.entrySet()) {
            loops.add(new Loop(e.getKey(), e.getValue(), latches.get(e.getKey())));
        }
        // Nest: the parent of a loop is the smallest other loop that contains its header.
        for (Loop inner : loops) {
            Loop best = null;
            for (Loop outer : loops) {
                if (outer != inner && outer.contains(inner.header())
                        && (best == null || outer.body().cardinality() < best.body().cardinality())) {
                    best = outer;
                }
            }
            if (best != null) {
                inner.nestIn(best);
            }
        }
        for (Loop loop : loops) {
            describe(g, dom, loop);
        }
        // Outer loops first, then in code order (a comparator class, not lambdas: see vector.Walk).
        loops.sort(new Comparator<Loop>() {
            @Override
            public int compare(Loop x, Loop y) {
                int byDepth = Integer.compare(x.depth(), y.depth());
                return byDepth != 0 ? byDepth : Integer.compare(g.firstInsn(x.header()), g.firstInsn(y.header()));
            }
        });
        return loops;
    }

    private static void collect(ControlFlowGraph g, int header, int latch, BitSet body) {
        body.set(header);
        List<Integer> work = new ArrayList<>();
        if (!body.get(latch)) {
            body.set(latch);
            work.add(latch);
        }
        while (!work.isEmpty()) {
            int b = work.remove(work.size() - 1);
            for (int p : g.predecessors(b)) {
                if (!body.get(p)) {
                    body.set(p);
                    work.add(p);
                }
            }
        }
    }

    private static void describe(ControlFlowGraph g, Dominators dom, Loop loop) {
        MethodNode m = g.method();
        InsnList insns = m.instructions;
        int headerInsn = g.firstInsn(loop.header());
        int line = lineAt(insns, headerInsn);
        Map<Integer, Integer> iincs = new LinkedHashMap<>();
        Map<Integer, Integer> iincBlock = new LinkedHashMap<>();
        Map<Integer, Character> narrow = new LinkedHashMap<>(); // a short, byte or char counter: its type
        BitSet stored = new BitSet();
        BitSet tested = new BitSet(); // locals read by a block that can leave the loop
        int exits = 0;
        BitSet body = loop.body();
        for (int b = body.nextSetBit(0); b >= 0; b = body.nextSetBit(b + 1)) {
            loop.addInsns(g.firstInsn(b), g.lastInsn(b));
            for (int i = g.firstInsn(b); i <= g.lastInsn(b); i++) {
                AbstractInsnNode insn = insns.get(i);
                if (insn instanceof IincInsnNode inc) {
                    iincs.put(inc.var, iincs.containsKey(inc.var) ? Integer.MIN_VALUE : inc.incr); // two iincs: not counted
                    iincBlock.put(inc.var, b);
                } else if (insn instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
                    NarrowStep n = NarrowStep.at(v);
                    if (n == null) {
                        stored.set(v.var);
                    } else {
                        iincs.put(v.var, iincs.containsKey(v.var) ? Integer.MIN_VALUE : n.step());
                        iincBlock.put(v.var, b);
                        narrow.put(v.var, n.type());
                    }
                }
            }
            boolean exiting = false;
            for (int s : g.successors(b)) {
                if (!loop.contains(s)) {
                    exits++;
                    exiting = true;
                }
            }
            for (int i = g.firstInsn(b); exiting && i <= g.lastInsn(b); i++) {
                if (insns.get(i) instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD) {
                    tested.set(v.var);
                }
            }
        }
        // The induction variable steps once on every iteration (its iinc dominates every latch);
        // of several such counters, the one the loop's exit test reads.
        int var = -1;
        int step = 0;
        char type = 'I';
        for (Map.Entry<Integer, Integer> e : iincs.entrySet()) {
            int v = e.getKey();
            if (e.getValue() != Integer.MIN_VALUE && e.getValue() != 0 && !stored.get(v)
                    && everyIteration(dom, loop, iincBlock.get(v)) && (var < 0 || !tested.get(var) && tested.get(v))) {
                var = v;
                step = e.getValue();
                type = narrow.getOrDefault(v, 'I');
            }
        }
        String name = var < 0 ? null : nameOf(m, var, insns.get(headerInsn));
        loop.describe(headerInsn, line, var, step, type, name, exits);
    }

    private static boolean everyIteration(Dominators dom, Loop loop, int block) {
        for (int latch : loop.latches()) {
            if (!dom.dominates(block, latch)) {
                return false;
            }
        }
        return true;
    }

    private static int lineAt(InsnList insns, int index) {
        // A block starts at its label; the line entry of that label follows it, before the first opcode.
        for (int i = index; i < insns.size() && insns.get(i).getOpcode() < 0; i++) {
            if (insns.get(i) instanceof LineNumberNode ln) {
                return ln.line;
            }
        }
        for (int i = index; i >= 0; i--) {
            if (insns.get(i) instanceof LineNumberNode ln) {
                return ln.line;
            }
        }
        for (int i = index + 1; i < insns.size(); i++) {
            if (insns.get(i) instanceof LineNumberNode ln) {
                return ln.line;
            }
        }
        return -1;
    }

    private static String nameOf(MethodNode m, int var, AbstractInsnNode at) {
        if (m.localVariables != null) {
            int pos = m.instructions.indexOf(at);
            for (LocalVariableNode lv : m.localVariables) {
                if (lv.index == var && m.instructions.indexOf(lv.start) <= pos && pos <= m.instructions.indexOf(lv.end)) {
                    return lv.name;
                }
            }
        }
        return LocalNames.withoutTable(m, var);
    }
}
