package dev.hotloop.agent.parallel;

import dev.hotloop.agent.analysis.ControlFlowGraph;
import dev.hotloop.agent.analysis.Loop;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The grain chosen when {@code @Parallel} leaves it at 0: enough iterations per chunk that a chunk
 * holds about {@link #CHUNK_WORK} units of work, a unit being one bytecode instruction, an
 * instruction inside a nested loop counting {@link #INNER_TRIPS} times per level, a call to the
 * JDK (mostly accessors: {@code get}, {@code length}) {@link #JDK_CALL} units and any other call,
 * whose cost cannot be seen, {@link #CALL} units. A loop whose whole range fits in one chunk runs
 * its original code, so a small loop of cheap iterations never pays for splitting; a loop whose
 * iterations hold nested loops or calls splits into chunks of a few iterations.
 */
final class WorkEstimate {

    static final long CHUNK_WORK = 1 << 15;
    static final int INNER_TRIPS = 32;
    static final int JDK_CALL = 32;
    static final int CALL = 1024;

    private WorkEstimate() {
    }

    /**
     * @param g     the method's graph
     * @param loop  the loop
     * @param shape its shape
     * @return iterations per chunk, at least 1
     */
    static int grain(ControlFlowGraph g, Loop loop, LoopShape shape) {
        InsnList insns = g.method().instructions;
        long work = 0;
        for (AbstractInsnNode n = shape.header; n != shape.backEdge; n = n.getNext()) {
            if (n.getOpcode() < 0) {
                continue;
            }
            long unit = cost(n);
            int block = g.blockOf(insns.indexOf(n));
            for (int d = block < 0 ? 0 : depthBelow(loop, block); d > 0 && unit < CHUNK_WORK; d--) {
                unit *= INNER_TRIPS;
            }
            work += unit;
        }
        return (int) Math.max(1, CHUNK_WORK / Math.max(1, work));
    }

    private static long cost(AbstractInsnNode n) {
        if (n instanceof InvokeDynamicInsnNode) {
            return CALL;
        }
        if (n instanceof MethodInsnNode call) {
            return call.owner.equals("java/lang/Math") ? 1 : call.owner.startsWith("java/") ? JDK_CALL : CALL;
        }
        return 1;
    }

    /** @return how many loops nested in {@code loop} hold {@code block} */
    private static int depthBelow(Loop loop, int block) {
        for (Loop child : loop.children()) {
            if (child.contains(block)) {
                return 1 + depthBelow(child, block);
            }
        }
        return 0;
    }
}
