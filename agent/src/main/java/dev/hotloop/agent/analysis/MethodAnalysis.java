package dev.hotloop.agent.analysis;

import java.util.List;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Every analysis of one method, each computed on first request and then shared by the planner,
 * the strategies and the rewrites (C2's {@code VLoopAnalyzer} plays this part for a loop): the
 * control-flow graph, its dominators, the loops, liveness, and two sets of data-flow frames.
 *
 * <p>Validity: an analysis describes the method as it was when computed, by instruction index.
 * Planning never changes the method, so everything computed while planning holds until the first
 * rewrite is applied. Whoever changes the method's instructions or locals calls
 * {@link #methodChanged}, which drops every analysis; a later request computes it again from the
 * method as it is then. The {@link Loop}s handed out before the change stay valid as descriptions
 * (rewrites hold instruction nodes, not indexes), but their block numbers refer to the old graph.
 */
public final class MethodAnalysis {

    private final String owner;
    private final MethodNode method;
    private ControlFlowGraph graph;
    private Dominators dominators;
    private List<Loop> loops;
    private Liveness liveness;
    private Frame<BasicValue>[] types;
    private Frame<SourceValue>[] sources;
    private int computed;

    private MethodAnalysis(String owner, MethodNode method) {
        this.owner = owner;
        this.method = method;
    }

    /**
     * @param owner  internal name of the declaring class
     * @param method a method with code
     * @return its analysis, nothing computed yet
     */
    public static MethodAnalysis of(String owner, MethodNode method) {
        return new MethodAnalysis(owner, method);
    }

    /** @return internal name of the declaring class */
    public String owner() {
        return owner;
    }

    /** @return the analysed method */
    public MethodNode method() {
        return method;
    }

    /**
     * @return the control-flow graph
     * @throws AnalyzerException when the bytecode is not well formed
     */
    public ControlFlowGraph graph() throws AnalyzerException {
        if (graph == null) {
            graph = ControlFlowGraph.build(owner, method);
            computed++;
        }
        return graph;
    }

    /**
     * @return the dominator tree of {@link #graph}
     * @throws AnalyzerException when the bytecode is not well formed
     */
    public Dominators dominators() throws AnalyzerException {
        if (dominators == null) {
            dominators = Dominators.of(graph());
            computed++;
        }
        return dominators;
    }

    /**
     * @return the natural loops, outer before inner, in bytecode order of their headers ({@link LoopFinder})
     * @throws AnalyzerException when the bytecode is not well formed
     */
    public List<Loop> loops() throws AnalyzerException {
        if (loops == null) {
            loops = LoopFinder.find(graph(), dominators());
            computed++;
        }
        return loops;
    }

    /**
     * @return which locals are live at the start of each block of {@link #graph}
     * @throws AnalyzerException when the bytecode is not well formed
     */
    public Liveness liveness() throws AnalyzerException {
        if (liveness == null) {
            liveness = Liveness.of(graph());
            computed++;
        }
        return liveness;
    }

    /**
     * @return the frames of {@link ExactTypes}, one per instruction index (null where unreachable)
     * @throws AnalyzerException when the bytecode is not well formed
     */
    public Frame<BasicValue>[] types() throws AnalyzerException {
        if (types == null) {
            types = new Analyzer<>(new ExactTypes()).analyze(owner, method);
            computed++;
        }
        return types;
    }

    /**
     * @return the frames that say which instructions produce each value, one per instruction index
     * @throws AnalyzerException when the bytecode is not well formed
     */
    public Frame<SourceValue>[] sources() throws AnalyzerException {
        if (sources == null) {
            sources = new Analyzer<>(new SourceInterpreter()).analyze(owner, method);
            computed++;
        }
        return sources;
    }

    /**
     * @param slot a local variable slot
     * @param insn an instruction index
     * @return the local variable table's entry for {@code slot} whose range holds {@code insn} by
     *     the JVMS rule (from its start label up to, not including, its end label), or null
     */
    public LocalVariableNode declaration(int slot, int insn) {
        if (method.localVariables == null) {
            return null;
        }
        for (LocalVariableNode lv : method.localVariables) {
            if (lv.index == slot && method.instructions.indexOf(lv.start) <= insn && insn < method.instructions.indexOf(lv.end)) {
                return lv;
            }
        }
        return null;
    }

    /**
     * @return the source name of {@code slot} at instruction index {@code insn} ({@link #declaration}),
     *     else the name {@link LocalNames#withoutTable} gives it
     */
    public String localName(int slot, int insn) {
        LocalVariableNode lv = declaration(slot, insn);
        return lv == null ? LocalNames.withoutTable(method, slot) : lv.name;
    }

    /**
     * Drops every analysis: the method's instructions or locals were changed (a rewrite was applied).
     */
    public void methodChanged() {
        graph = null;
        dominators = null;
        loops = null;
        liveness = null;
        types = null;
        sources = null;
    }

    /** @return how many analyses this object has computed so far: each one once until the method changes */
    public int computed() {
        return computed;
    }
}
