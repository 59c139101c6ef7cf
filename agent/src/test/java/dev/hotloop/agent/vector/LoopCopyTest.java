package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.transform.InstrumentingLoader;
import dev.hotloop.runtime.tier.Tiers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * The tier switch's scalar state enters a copy of the original loop that nothing else enters: the
 * shape C2 compiles like the plain method's loop (with several live entries it unrolled less, and a
 * loop kept scalar ran 15-25 % slower than plain). Behaviour in that state is covered by the
 * tiered equivalence tests; this checks the shape.
 */
class LoopCopyTest implements Opcodes {

    private static final String KERNELS = "dev.hotloop.agent.targets.vector.TieredKernels";

    @ParameterizedTest
    @ValueSource(strings = {"sumInt", "select", "hypot", "maxLong", "scaleInPlace"})
    void theScalarStateEntersALoopOnlyItEnters(String name) throws Exception {
        InstrumentingLoader loader = new InstrumentingLoader(AgentOptions.defaults());
        loader.loadClass(KERNELS);
        ClassNode cls = new ClassNode();
        new ClassReader(loader.result(KERNELS).bytes()).accept(cls, 0);
        MethodNode m = cls.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();

        LabelNode scalarEntry = scalarBranchTarget(m);
        assertNotNull(scalarEntry, "the switch's scalar test");
        List<AbstractInsnNode> jumpsIn = jumpsTo(m, scalarEntry);
        AbstractInsnNode before = realBefore(scalarEntry);
        assertEquals(Opcodes.GOTO, before.getOpcode(), "nothing falls into the copy");
        // One jump from the switch, the rest the copy's own back edges, which lie after its entry.
        int fromSwitch = 0;
        for (AbstractInsnNode j : jumpsIn) {
            if (m.instructions.indexOf(j) < m.instructions.indexOf(scalarEntry)) {
                fromSwitch++;
            }
        }
        assertEquals(1, fromSwitch, "only the switch enters the copy");
        assertNotEquals(0, jumpsIn.size() - fromSwitch, "the copy loops back to its own header");
        Tiers.configure(Tiers.Policy.SIMD, null);
    }

    /** @return the label the {@code IF_ICMPEQ} after the tier field's read jumps to in the scalar state */
    private static LabelNode scalarBranchTarget(MethodNode m) {
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof FieldInsnNode f && f.getOpcode() == GETSTATIC && f.name.startsWith(Tiers.SWITCH_FIELD)) {
                for (AbstractInsnNode k = n.getNext(); k != null; k = k.getNext()) {
                    if (k instanceof JumpInsnNode j) {
                        return j.getOpcode() == IF_ICMPEQ ? j.label : null;
                    }
                }
            }
        }
        return null;
    }

    private static List<AbstractInsnNode> jumpsTo(MethodNode m, LabelNode target) {
        List<AbstractInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof JumpInsnNode j && sameSpot(j.label, target)
                    || n instanceof TableSwitchInsnNode t && (t.dflt == target || t.labels.contains(target))
                    || n instanceof LookupSwitchInsnNode l && (l.dflt == target || l.labels.contains(target))) {
                out.add(n);
            }
        }
        return out;
    }

    /** Labels with no instruction between them mark the same spot. */
    private static boolean sameSpot(LabelNode a, LabelNode b) {
        return realAfter(a) == realAfter(b);
    }

    private static AbstractInsnNode realAfter(AbstractInsnNode n) {
        AbstractInsnNode k = n;
        while (k != null && k.getOpcode() < 0) {
            k = k.getNext();
        }
        return k;
    }

    private static AbstractInsnNode realBefore(AbstractInsnNode n) {
        AbstractInsnNode k = n.getPrevious();
        while (k != null && k.getOpcode() < 0) {
            k = k.getPrevious();
        }
        return k;
    }
}
