package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.transform.InstrumentingLoader;
import dev.hotloop.agent.transform.TransformResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The shape of the ordered fold ({@link OrderedFold}): each chunk's terms are stored into a scratch
 * array allocated once per call before the vector loops, never extracted lane by lane (which
 * measured up to 25% slower). Bit-exactness is the equivalence tiers' and the fuzzer's to check.
 */
class OrderedFoldTest implements Opcodes {

    private static final String KERNELS = "dev.hotloop.agent.targets.vector.OrderedReductionKernels";

    /**
     * @param name    a kernel of {@code OrderedReductionKernels}
     * @param ordered its ordered reductions
     * @param unroll  its vectors a step
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"dotFloat, 1, 1", "sumSquaresUnrolled, 1, 2", "dotFloatDownUnrolled, 1, 2", "twoAccumulators, 2, 1",
        "sumOfQuotients, 1, 1"})
    void eachOrderedReductionStoresIntoOneScratchArrayAllocatedBeforeTheLoops(String name, int ordered, int unroll) throws Exception {
        MethodNode simd = simd(name);
        List<AbstractInsnNode> arrays = new ArrayList<>();
        int firstLoad = -1;
        int stores = 0;
        for (AbstractInsnNode n : simd.instructions) {
            if (n instanceof IntInsnNode a && a.getOpcode() == NEWARRAY && (a.operand == T_FLOAT || a.operand == T_DOUBLE)) {
                arrays.add(n);
            } else if (n instanceof MethodInsnNode call && call.owner.startsWith("jdk/incubator/vector/")) {
                assertTrue(!call.name.equals("lane"), name + ": a lane extracted one at a time");
                if (call.name.equals("fromArray") && firstLoad < 0) {
                    firstLoad = simd.instructions.indexOf(n);
                }
                if (call.name.equals("intoArray") && call.desc.matches("\\(\\[[FD]I\\)V")) {
                    stores++;
                }
            }
        }
        assertEquals(ordered, arrays.size(), name + ": one scratch array per ordered reduction");
        for (AbstractInsnNode a : arrays) {
            assertTrue(simd.instructions.indexOf(a) < firstLoad, name + ": the scratch array is allocated before the vector loops");
        }
        // the unrolled loop's chunks, then the one-chunk loop's
        assertEquals(ordered * (unroll > 1 ? unroll + 1 : 1), stores, name + ": a store of the terms per chunk");
    }

    private static MethodNode simd(String name) throws ClassNotFoundException {
        InstrumentingLoader loader = new InstrumentingLoader(AgentOptions.defaults());
        loader.loadClass(KERNELS);
        TransformResult result = loader.result(KERNELS);
        ClassNode cls = new ClassNode();
        new ClassReader(result.bytes()).accept(cls, 0);
        MethodNode m = cls.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof InvokeDynamicInsnNode call && call.name.startsWith("hotloop$simd$")) {
                ClassNode forms = new ClassNode();
                new ClassReader(result.forms().classFile((Integer) call.bsmArgs[0])).accept(forms, 0);
                return forms.methods.stream().filter(x -> x.name.equals(call.name)).findFirst().orElseThrow();
            }
        }
        throw new AssertionError(name + " calls no SIMD loop");
    }
}
