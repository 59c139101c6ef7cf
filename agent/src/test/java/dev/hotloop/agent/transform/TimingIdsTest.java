package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.Planner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

class TimingIdsTest {

    private static final String TIMINGS = "dev/hotloop/runtime/Timings";
    private static final ClassLoader LOADER = TimingIdsTest.class.getClassLoader();
    private final FakeRuntimeLink link = new FakeRuntimeLink();

    private TransformResult rewrite(byte[] bytes) {
        AgentOptions o = AgentOptions.parse("cache=off", new Properties(), Map.of());
        return new ClassRewriter(o, new Planner(o, true), link).rewrite(LOADER, bytes);
    }

    /** The ints the method's timing calls pass, in code order. */
    private static List<Object> probeIds(byte[] classFile) {
        ClassNode cls = ClassReaders.parse(classFile);
        List<Object> out = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode call && call.owner.equals(TIMINGS)
                        && insn.getPrevious() instanceof LdcInsnNode ldc) {
                    out.add(ldc.cst);
                }
            }
        }
        return out;
    }

    private static byte[] withConstant(byte[] classFile, int value) {
        ClassNode cls = ClassReaders.parse(classFile);
        cls.fields.add(new FieldNode(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "K", "I", null, value));
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cls.accept(w);
        return w.toByteArray();
    }

    @Test
    void theWrittenClassCarriesTheRealIdAndTheResultSaysWhere() {
        TransformResult r = rewrite(GeneratedClasses.annotatedLoop("gen/Ids"));
        int id = r.ids()[0];
        List<Object> probes = probeIds(r.bytes());
        assertEquals(List.of(id, id), probes.subList(0, 2), "enter and exit read this JVM's id");
        assertEquals(id, TimingIds.readInt(r.bytes(), r.idOffsets()[0]));
        assertEquals(TimingIdSlots.FIRST_BASE, r.placeholders()[0]);
    }

    @Test
    void patchingAgainGivesTheSameClassAsAFreshRewriteWithThatId() {
        TransformResult r = rewrite(GeneratedClasses.annotatedLoop("gen/Ids2"));
        byte[] template = r.bytes().clone();
        TimingIds.writeInt(template, r.idOffsets()[0], r.placeholders()[0]);
        byte[] again = template.clone();
        TimingIds.patch(again, r.idOffsets(), r.placeholders(), r.ids());
        assertArrayEquals(r.bytes(), again);
        byte[] other = template.clone();
        TimingIds.patch(other, r.idOffsets(), r.placeholders(), new int[] {r.ids()[0] + 1000});
        assertEquals(r.ids()[0] + 1000, probeIds(other).get(0), "another JVM's id goes into every probe");
    }

    @Test
    void aConstantOfTheProgramInThePlaceholderRangeIsNeverPatched() {
        byte[] original = withConstant(GeneratedClasses.annotatedLoop("gen/Clash"), TimingIdSlots.FIRST_BASE);
        TransformResult r = rewrite(original);
        assertNotEquals(TimingIdSlots.FIRST_BASE, r.placeholders()[0]);
        ClassNode out = ClassReaders.parse(r.bytes());
        FieldNode k = out.fields.stream().filter(f -> f.name.equals("K")).findFirst().orElseThrow();
        assertEquals(TimingIdSlots.FIRST_BASE, k.value, "the program's constant keeps its value");
        assertEquals(r.ids()[0], probeIds(r.bytes()).get(0));
    }

    @Test
    void patchRefusesAnOffsetWithoutItsPlaceholder() {
        TransformResult r = rewrite(GeneratedClasses.annotatedLoop("gen/Ids3"));
        byte[] patched = r.bytes().clone();
        assertThrows(IllegalArgumentException.class,
                () -> TimingIds.patch(patched, r.idOffsets(), r.placeholders(), new int[] {1}), "already patched");
        assertThrows(IllegalArgumentException.class,
                () -> TimingIds.patch(patched, new int[] {3}, new int[] {0}, new int[] {1}), "not a constant");
    }
}
