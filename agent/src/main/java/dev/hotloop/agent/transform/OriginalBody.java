package dev.hotloop.agent.transform;

import dev.hotloop.runtime.tier.Tiers;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A method's body as written, kept while its loops are rewritten, and put back when every tiered
 * loop the rewrite gave it has settled on its original form ({@link OriginalRestorer}). The
 * members the rewrite added stay, unused: a retransformation must keep the class's schema.
 */
final class OriginalBody {

    private final MethodNode copy;
    private final int loopsBefore;

    private OriginalBody(MethodNode copy, int loopsBefore) {
        this.copy = copy;
        this.loopsBefore = loopsBefore;
    }

    /** Keeps {@code m}'s body, before the rewrite of its loops; {@code cls} numbers the loops it gets. */
    static OriginalBody keep(ClassNode cls, MethodNode m) {
        MethodNode copy = new MethodNode(Opcodes.ASM9, m.access, m.name, m.desc, m.signature,
                m.exceptions == null ? null : m.exceptions.toArray(new String[0]));
        m.accept(copy);
        return new OriginalBody(copy, tieredLoops(cls));
    }

    /**
     * @param restored the class's loops (numbers) settled on their original form
     * @return whether the body was put back: the rewrite gave {@code m} tiered loops, all of them restored
     */
    boolean putBackIfSettled(ClassNode cls, MethodNode m, Set<Integer> restored) {
        int after = tieredLoops(cls);
        if (after == loopsBefore) {
            return false;
        }
        for (int n = loopsBefore; n < after; n++) {
            if (!restored.contains(n)) {
                return false;
            }
        }
        m.instructions = copy.instructions;
        m.tryCatchBlocks = copy.tryCatchBlocks;
        m.localVariables = copy.localVariables;
        m.visibleLocalVariableAnnotations = copy.visibleLocalVariableAnnotations;
        m.invisibleLocalVariableAnnotations = copy.invisibleLocalVariableAnnotations;
        m.maxStack = copy.maxStack;
        m.maxLocals = copy.maxLocals;
        return true;
    }

    /** @return the tiered loops the class has so far: each has its switch field, numbered from 0 */
    private static int tieredLoops(ClassNode cls) {
        int n = 0;
        for (FieldNode f : cls.fields) {
            if (f.name.startsWith(Tiers.SWITCH_FIELD)) {
                n++;
            }
        }
        return n;
    }
}
