package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.SimdTargets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** {@code @Parallel @Vectorize} on one loop: the loop is split into chunks and every copy of it runs SIMD code. */
class ParallelSimdCompositionTest {

    private static ClassNode rewritten() throws ClassNotFoundException {
        InstrumentingLoader loader = new InstrumentingLoader(AgentOptions.defaults());
        Class.forName(SimdTargets.class.getName(), false, loader);
        ClassNode cls = new ClassNode();
        new ClassReader(loader.result(SimdTargets.class.getName()).bytes()).accept(cls, 0);
        return cls;
    }

    /** @return whether {@code m} calls an outlined SIMD loop ({@code hotloop$simd$N}) that loads vectors */
    private static boolean callsVectorApi(ClassNode cls, MethodNode m) {
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof MethodInsnNode call && call.owner.equals(cls.name) && call.name.startsWith("hotloop$simd$")) {
                MethodNode simd = cls.methods.stream().filter(o -> o.name.equals(call.name)).findFirst().orElseThrow();
                return loadsVectors(simd);
            }
        }
        return false;
    }

    private static boolean loadsVectors(MethodNode m) {
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof MethodInsnNode call && call.owner.startsWith("jdk/incubator/vector/") && call.name.equals("fromArray")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theOriginalLoopAndEveryChunkRunSimdCode() throws ClassNotFoundException {
        ClassNode cls = rewritten();
        List<MethodNode> chunks = cls.methods.stream().filter(m -> m.name.startsWith("hotloop$parallel$")).collect(Collectors.toList());
        assertEquals(2, chunks.size(), "one chunk method for each @Parallel loop");
        for (MethodNode chunk : chunks) {
            assertTrue(callsVectorApi(cls, chunk), chunk.name + " runs the SIMD loop");
        }
        for (MethodNode m : cls.methods) {
            if (m.name.equals("dotParallel") || m.name.equals("scaleParallel")) {
                assertTrue(callsVectorApi(cls, m), m.name + " keeps SIMD code for ranges too small to split");
            }
        }
    }

    @Test
    void theReportNamesBothRewrites() throws ClassNotFoundException {
        InstrumentingLoader loader = new InstrumentingLoader(AgentOptions.defaults());
        Class.forName(SimdTargets.class.getName(), false, loader);
        String line = loader.result(SimdTargets.class.getName()).plans().get(loader.planIndex(SimdTargets.class, "dotParallel")).reportLine();
        assertTrue(line.contains("SIMD double x") && line.contains("fastMath") && line.contains("parallel loop over i"), line);
    }
}
