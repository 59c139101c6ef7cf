package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.targets.Kernels;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;

class ClassReadersTest {

    private static final ClassLoader LOADER = ClassReadersTest.class.getClassLoader();

    private static boolean hasFrames(byte[] bytes) {
        ClassNode n = new ClassNode();
        new ClassReader(bytes).accept(n, 0);
        for (MethodNode m : n.methods) {
            for (var insn : m.instructions) {
                if (insn instanceof FrameNode) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void parseDropsFramesAndKeepsDebugInformation() {
        ClassNode n = ClassReaders.parse(ClassFiles.bytes(Kernels.class));
        MethodNode dot = ClassFiles.method(n, "dot");
        assertNotNull(dot.localVariables, "local variable names survive for reports and NPE messages");
        assertTrue(Arrays.stream(dot.instructions.toArray()).noneMatch(FrameNode.class::isInstance));
    }

    @Test
    void modernClassFilesGetTheirFramesRecomputed() {
        byte[] out = ClassReaders.write(ClassReaders.parse(ClassFiles.bytes(Kernels.class)), LOADER);
        assertTrue(hasFrames(out));
        ClassVerification.assertVerifies(out, LOADER);
    }

    @Test
    void java5ClassFilesGetNoFrames() {
        ClassNode n = ClassReaders.parse(GeneratedClasses.annotatedLoop("gen/Old"));
        n.version = Opcodes.V1_5;
        byte[] out = ClassReaders.write(n, LOADER);
        assertEquals(Opcodes.V1_5, new ClassReader(out).readUnsignedShort(6));
        assertFalse(hasFrames(out), "a Java 5 class file must not get a StackMapTable");
        ClassVerification.assertVerifies(out, LOADER);
    }

    @Test
    void garbageIsRejectedByTheParser() {
        assertThrows(RuntimeException.class, () -> ClassReaders.parse(new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1}));
    }
}
