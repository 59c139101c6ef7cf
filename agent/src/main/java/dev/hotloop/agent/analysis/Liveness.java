package dev.hotloop.agent.analysis;

import java.util.BitSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which locals are live (may be read before being written again) at the start of each block of a
 * method: the classic backward data-flow, with exception edges followed like normal ones.
 */
public final class Liveness {

    private final BitSet[] liveIn;

    private Liveness(BitSet[] liveIn) {
        this.liveIn = liveIn;
    }

    /** @return the locals live on entry to {@code block} */
    public BitSet liveIn(int block) {
        return (BitSet) liveIn[block].clone();
    }

    public static Liveness of(ControlFlowGraph g) {
        int n = g.size();
        BitSet[] use = new BitSet[n];
        BitSet[] def = new BitSet[n];
        InsnList insns = g.method().instructions;
        for (int b = 0; b < n; b++) {
            use[b] = new BitSet();
            def[b] = new BitSet();
            for (int i = g.firstInsn(b); i <= g.lastInsn(b); i++) {
                AbstractInsnNode insn = insns.get(i);
                if (insn instanceof IincInsnNode inc) {
                    read(use[b], def[b], inc.var);
                    def[b].set(inc.var);
                } else if (insn instanceof VarInsnNode v) {
                    if (v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
                        def[b].set(v.var);
                    } else {
                        read(use[b], def[b], v.var);
                    }
                }
            }
        }
        BitSet[] in = new BitSet[n];
        for (int b = 0; b < n; b++) {
            in[b] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = n - 1; b >= 0; b--) {
                BitSet out = new BitSet();
                for (int s : g.successors(b)) {
                    out.or(in[s]);
                }
                for (int s : g.exceptionSuccessors(b)) {
                    out.or(in[s]);
                }
                out.andNot(def[b]);
                out.or(use[b]);
                // A local read in an exception handler stays live across the whole protected block.
                for (int s : g.exceptionSuccessors(b)) {
                    out.or(in[s]);
                }
                if (!out.equals(in[b])) {
                    in[b] = out;
                    changed = true;
                }
            }
        }
        return new Liveness(in);
    }

    private static void read(BitSet use, BitSet def, int var) {
        if (!def.get(var)) {
            use.set(var);
        }
    }
}
