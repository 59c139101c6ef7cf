package dev.hotloop.agent.vector;

import dev.hotloop.agent.PreferredShape;
import dev.hotloop.agent.VectorApi;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.ControlFlowGraph;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.LoopStrategy;
import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Decides whether an {@code @Vectorize} loop becomes SIMD code on the Vector API: lift it to the
 * IR ({@link Lifter}), judge it ({@link Legality}), and hand back the rewrite
 * ({@link VectorRewrite}) or the reason it stays scalar.
 */
public final class VectorStrategy implements LoopStrategy {

    /**
     * Methods longer than this get no SIMD code: each vectorized loop adds a few hundred bytes, and
     * the JVM refuses methods over 64 KB of bytecode.
     */
    static final int MAX_INSTRUCTIONS = 12_000;

    /**
     * Reasons the report words "kept scalar" (the loop has a SIMD form, which another option or
     * another way of starting the JVM would give); every other refusal reads "not vectorized".
     */
    private static final Set<RefusalCode> KEPT_SCALAR = EnumSet.of(RefusalCode.ATTACHED_LATE, RefusalCode.INTERFACE_METHOD,
            RefusalCode.ORDERED_REDUCTION, RefusalCode.APPROXIMATE_MATH);

    private final int preferredBits;

    /**
     * The vector size assumed where the Vector API is not resolved: the decisions then only say
     * what a loop would become (the planner never applies them), and AVX2's 256 bits is the common case.
     */
    static final int NOMINAL_BITS = 256;

    /** @param options the agent's options */
    public VectorStrategy(AgentOptions options) {
        this(preferredOrNominal());
    }

    private static int preferredOrNominal() {
        int bits = VectorApi.resolved() ? PreferredShape.bits() : 0;
        return bits == 0 ? NOMINAL_BITS : bits;
    }

    /** @param preferredBits the vector size to generate code for, in bits */
    VectorStrategy(int preferredBits) {
        this.preferredBits = preferredBits;
    }

    @Override
    public LoopDecision decide(AnnotatedMethod method, MethodAnalysis analysis, HotloopAnnotation annotation, Loop loop,
                               boolean mayAddMembers) {
        try {
            if (preferredBits < Lanes.MIN_BITS * 2) {
                throw new Refusal(RefusalCode.NO_SIMD_HARDWARE, "this JVM offers no SIMD vectors wider than " + preferredBits + " bits (jdk.incubator.vector preferred shape)");
            }
            if (method.method().instructions.size() > MAX_INSTRUCTIONS) {
                throw new Refusal(RefusalCode.METHOD_TOO_LARGE, "the method is too large to take SIMD code (over " + MAX_INSTRUCTIONS
                        + " instructions; the JVM limits a method to 64 KB); move the loop into a method of its own");
            }
            if (!mayAddMembers) {
                throw new Refusal(RefusalCode.ATTACHED_LATE, "the class was already loaded when the agent attached, and a SIMD loop needs "
                        + "methods and a field of its own, which the JVM does not let a retransformation add; start the JVM "
                        + "with -javaagent to vectorize it");
            }
            if (method.inInterface()) {
                throw new Refusal(RefusalCode.INTERFACE_METHOD, "a SIMD loop runs only once measured faster, and the switch that records the "
                        + "measurement is a field of the loop's class, which an interface cannot hold; move the loop into a "
                        + "static method of a class");
            }
            ControlFlowGraph g = analysis.graph();
            LoopIR ir = Lifter.lift(method.owner(), method.method(), method.siblings(), g, loop,
                    loop.exits() > 1 ? analysis.liveness() : null);
            Set<AbstractInsnNode> body = instructions(g, loop);
            refuseVolatileReads(method, body);
            VectorPlan plan = Legality.check(ir, annotation.fastMath(), annotation.unroll(), preferredBits);
            VectorCost.refuseUnprofitable(plan, annotation.unroll());
            String summary = VectorCost.summary(plan, annotation.unroll());
            return LoopDecision.rewritten(annotation, loop, loop.line(), summary, new VectorRewrite(plan, analysis, body,
                    method.displayName() + " line " + loop.line()));
        } catch (Refusal r) {
            String verb = KEPT_SCALAR.contains(r.code()) ? "kept scalar: " : "not vectorized: ";
            return LoopDecision.refused(annotation, loop, loop.line(), r.code(), verb + r.getMessage());
        } catch (AnalyzerException e) {
            return LoopDecision.refused(annotation, loop, loop.line(), RefusalCode.UNANALYSABLE, "not vectorized: the bytecode could not be analysed (" + e.getMessage() + ")");
        }
    }

    /**
     * Plain Java reads a {@code volatile} field again on every iteration (another thread may change
     * it, and the read orders memory); the SIMD loop reads its invariants once, before it starts.
     */
    private static void refuseVolatileReads(AnnotatedMethod method, Set<AbstractInsnNode> body) throws Refusal {
        for (AbstractInsnNode n : body) {
            if (n instanceof FieldInsnNode f && (n.getOpcode() == Opcodes.GETFIELD || n.getOpcode() == Opcodes.GETSTATIC)
                    && method.fields().isVolatile(f)) {
                throw new Refusal(RefusalCode.NON_INVARIANT_BOUND, "the loop reads the volatile field " + f.owner.replace('/', '.') + "." + f.name
                        + ", which plain Java reads again on every iteration (another thread may change it); the SIMD loop "
                        + "would read it once: read it into a local before the loop if once is what you mean");
            }
        }
    }

    private static Set<AbstractInsnNode> instructions(ControlFlowGraph g, Loop loop) {
        Set<AbstractInsnNode> out = Collections.newSetFromMap(new IdentityHashMap<>());
        BitSet body = loop.body();
        for (int b = body.nextSetBit(0); b >= 0; b = body.nextSetBit(b + 1)) {
            for (int i = g.firstInsn(b); i <= g.lastInsn(b); i++) {
                out.add(g.method().instructions.get(i));
            }
        }
        return out;
    }
}
