package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.VectorApi;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.runtime.parallel.ParallelLoop;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@code @Parallel} loops in bytecode that javac does not write but other compilers do, found by
 * the real-world bytecode test (Scala, Commons Math): each is rewritten and defined, so that the
 * JVM's own verifier judges the result, then run against the plain loop.
 */
class ParallelBytecodeShapesTest {

    private static final String NAME = "synthetic/ElidedCast";

    @AfterEach
    void restore() {
        ParallelLoop.configure(Runtime.getRuntime().availableProcessors(), false);
    }

    /**
     * {@code Object o = a; for (i = 0; i < n; i++) o[i] = i;} with no cast: the local variable table
     * says {@code Object}, the verifier knows an {@code int[]} (scalac elides such casts). The chunk
     * must take an {@code int[]}; an {@code Object} parameter fails verification.
     */
    @Test
    void aCapturedLocalEntersTheChunkAsTheVerifierSeesIt() throws Exception {
        TransformResult r = rewrite(elidedCast(Opcodes.V1_8));
        LoopDecision d = parallelDecision(r);
        assertTrue(d.rewritten(), d.summary());
        ClassNode cls = new ClassNode();
        new ClassReader(r.bytes()).accept(cls, 0);
        MethodNode chunk = cls.methods.stream().filter(m -> m.name.startsWith("hotloop$parallel$")).findFirst().orElseThrow();
        assertEquals("(I[IIII)V", chunk.desc, "n, then o as int[], then chunk, from, to");
        assertFillsEveryIndex(r.bytes());
    }

    /** A Java 5 class file has no invokedynamic for the chunk's lambda: refused when planned, never a transform error. */
    @Test
    void aClassFileOlderThanJava8IsRefusedWithTheReasonAndStillRuns() throws Exception {
        TransformResult r = rewrite(elidedCast(Opcodes.V1_5));
        LoopDecision d = parallelDecision(r);
        assertTrue(!d.rewritten() && d.summary().contains("the class file is from Java 5 (version 49)")
                && d.summary().contains("--release 8"), d.summary());
        assertNotNull(r.bytes(), "the timing probe still goes in");
        assertFillsEveryIndex(r.bytes());
    }

    private static TransformResult rewrite(byte[] bytes) {
        AgentOptions o = AgentOptions.parse("threads=2", new Properties(), Map.of());
        return new ClassRewriter(o, new Planner(o, VectorApi.resolved()), new FakeRuntimeLink())
                .rewrite(ParallelBytecodeShapesTest.class.getClassLoader(), bytes);
    }

    private static LoopDecision parallelDecision(TransformResult r) {
        return r.plans().get(0).decisions().stream().filter(x -> x.annotation().kind().name().equals("PARALLEL"))
                .findFirst().orElseThrow();
    }

    private static void assertFillsEveryIndex(byte[] bytes) throws Exception {
        ParallelLoop.configure(2, false);
        Class<?> c = new ClassLoader(ParallelBytecodeShapesTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(NAME.replace('/', '.'), bytes, 0, bytes.length);
            }
        }.define();
        Method fill = c.getMethod("fill", int[].class, int.class);
        int[] a = new int[1000];
        fill.invoke(null, a, a.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(i, a[i], "index " + i);
        }
    }

    private static byte[] elidedCast(int version) {
        ClassWriter cw = new ClassWriter(version >= Opcodes.V1_6 ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, NAME, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "fill", "([II)V", null, null);
        AnnotationVisitor av = mv.visitAnnotation("Ldev/hotloop/Parallel;", true);
        av.visit("grain", 1);
        av.visitEnd();
        mv.visitCode();
        Label start = new Label();
        Label header = new Label();
        Label exit = new Label();
        Label end = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(10, start);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ASTORE, 2);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, 3);
        mv.visitLabel(header);
        mv.visitLineNumber(11, header);
        mv.visitVarInsn(Opcodes.ILOAD, 3);
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitJumpInsn(Opcodes.IF_ICMPGE, exit);
        mv.visitVarInsn(Opcodes.ALOAD, 2); // no checkcast [I
        mv.visitVarInsn(Opcodes.ILOAD, 3);
        mv.visitVarInsn(Opcodes.ILOAD, 3);
        mv.visitInsn(Opcodes.IASTORE);
        mv.visitIincInsn(3, 1);
        mv.visitJumpInsn(Opcodes.GOTO, header);
        mv.visitLabel(exit);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitLabel(end);
        mv.visitLocalVariable("a", "[I", null, start, end, 0);
        mv.visitLocalVariable("n", "I", null, start, end, 1);
        mv.visitLocalVariable("o", "Ljava/lang/Object;", null, start, end, 2);
        mv.visitLocalVariable("i", "I", null, header, exit, 3);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
