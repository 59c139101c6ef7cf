package dev.hotloop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.analysis.ControlFlowGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * {@link ControlFlowGraph} reads its edges from the instructions; ASM's data-flow
 * {@link Analyzer} is the reference: for every method with code of Guava, Commons Math, the Kotlin
 * and Scala standard libraries and {@code java.base}, the graph must equal the one built from the
 * edges the Analyzer reports (blocks, each instruction's block, normal and exception successors
 * and predecessors, in the same order), and unreachable code must be what the Analyzer leaves
 * without a frame.
 */
class ControlFlowGraphLibraryTest {

    static Stream<Arguments> libraries() {
        return LibraryBytecodeTest.libraries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraries")
    void graphsEqualTheAnalyzersEdges(String name, Supplier<Library> library) throws AnalyzerException {
        int methods = 0;
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : library.get().classes().entrySet()) {
            ClassNode cls = new ClassNode();
            new ClassReader(e.getValue()).accept(cls, ClassReader.SKIP_FRAMES);
            for (MethodNode m : cls.methods) {
                if (m.instructions.size() == 0 || hasSubroutines(m)) {
                    continue;
                }
                methods++;
                String diff = compare(cls.name, m);
                if (diff != null && differences.size() < 10) {
                    differences.add(cls.name + "." + m.name + m.desc + ": " + diff);
                }
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(methods > 1000, () -> "only " + name);
    }

    private static boolean hasSubroutines(MethodNode m) {
        for (var insn : m.instructions) {
            if (insn.getOpcode() == org.objectweb.asm.Opcodes.JSR || insn.getOpcode() == org.objectweb.asm.Opcodes.RET) {
                return true;
            }
        }
        return false;
    }

    /** @return null when both graphs agree, else the first difference */
    private static String compare(String owner, MethodNode m) throws AnalyzerException {
        int n = m.instructions.size();
        List<List<Integer>> succ = new ArrayList<>();
        List<List<Integer>> exc = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            succ.add(new ArrayList<>());
            exc.add(new ArrayList<>());
        }
        BitSet handlers = new BitSet();
        Frame<BasicValue>[] frames = new Analyzer<BasicValue>(new BasicInterpreter()) {
            @Override
            protected void newControlFlowEdge(int insn, int successor) {
                if (!succ.get(insn).contains(successor)) {
                    succ.get(insn).add(successor);
                }
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                if (!exc.get(insn).contains(successor)) {
                    exc.get(insn).add(successor);
                }
                handlers.set(successor);
                return true;
            }
        }.analyze(owner, m);
        ControlFlowGraph g = ControlFlowGraph.build(owner, m);
        for (int i = 0; i < n; i++) {
            if ((frames[i] == null) != (g.blockOf(i) < 0)) {
                return "instruction " + i + " reachable: analyzer " + (frames[i] != null) + ", graph " + (g.blockOf(i) >= 0);
            }
        }
        for (int b = 0; b < g.size(); b++) {
            int last = g.lastInsn(b);
            List<Integer> expected = new ArrayList<>();
            for (int s : succ.get(last)) {
                if (!expected.contains(g.blockOf(s))) {
                    expected.add(g.blockOf(s));
                }
            }
            if (!expected.equals(g.successors(b))) {
                return "block " + b + " successors " + g.successors(b) + ", analyzer " + expected;
            }
            List<Integer> expectedExc = new ArrayList<>();
            for (int i = g.firstInsn(b); i <= last; i++) {
                if (i < last && !succ.get(i).equals(List.of(i + 1))) {
                    return "block " + b + " has a branch inside at " + i;
                }
                if (i > g.firstInsn(b) && handlers.get(i)) {
                    return "block " + b + " has a handler inside at " + i;
                }
                for (int h : exc.get(i)) {
                    if (!expectedExc.contains(g.blockOf(h))) {
                        expectedExc.add(g.blockOf(h));
                    }
                }
            }
            if (!expectedExc.equals(g.exceptionSuccessors(b))) {
                return "block " + b + " exception successors " + g.exceptionSuccessors(b) + ", analyzer " + expectedExc;
            }
        }
        return null;
    }
}
