package dev.hotloop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.transform.GeneratedClasses;
import dev.hotloop.agent.transform.TransformResult;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Class files from Java 1.1 to 25 (with {@code jsr/ret} subroutines up to 1.4, as old javac wrote
 * {@code finally}), a method holding thousands of loops near the 64 KiB limit, and annotations in
 * lambdas and interfaces: each is rewritten (timing probes, loop decisions), passes ASM's verifier,
 * and, where this JVM can load it, runs like the original.
 */
class OldAndNewClassFilesTest {

    private static final int LATEST = Opcodes.V25;
    private static final ClassHeaders JDK = new ClassHeaders(n -> new Library("jdk", Map.of(), true).classFile(n));

    static Stream<Integer> versions() {
        return Stream.concat(Stream.of(Opcodes.V1_1), IntStream.rangeClosed(Opcodes.V1_2, LATEST).boxed());
    }

    @ParameterizedTest(name = "class-file version {0}")
    @MethodSource("versions")
    void everyClassFileVersionIsRewrittenAndVerifies(int version) throws ReflectiveOperationException {
        String name = "gen.V" + (version & 0xFFFF);
        byte[] original = sumWithSubroutine(name.replace('.', '/'), version);
        TransformResult r = Differential.agentRewriter(null).rewrite(getClass().getClassLoader(), original);
        assertNotNull(r.bytes(), "the probes change the class");
        assertEquals(1, r.plans().size());
        assertTrue(r.plans().get(0).decisions().stream().allMatch(d -> d.loop() != null), r.plans().get(0).reportLine());
        assertNull(LibraryScan.verify(r.bytes(), JDK), "ASM's verifier");
        if ((version & 0xFFFF) <= 44 + Runtime.version().feature()) {
            int[] data = {3, 1, 4, 1, 5, 9, 2, 6};
            assertEquals(sum(original, name, data), sum(r.bytes(), name, data));
        }
    }

    private static int sum(byte[] bytes, String name, int[] data) throws ReflectiveOperationException {
        Class<?> c = new BytesLoader(OldAndNewClassFilesTest.class.getClassLoader(), Map.of(name, bytes), Map.of())
                .loadClass(name);
        Method m = c.getMethod("sum", int[].class);
        return (Integer) m.invoke(null, (Object) data);
    }

    /**
     * {@code @Vectorize static int sum(int[] a)}: a counted loop whose body, up to Java 1.4, calls a
     * {@code jsr} subroutine that adds the element (the shape of an old {@code try/finally}).
     */
    static byte[] sumWithSubroutine(String internalName, int version) {
        boolean jsr = (version & 0xFFFF) <= Opcodes.V1_4;
        ClassWriter cw = new ClassWriter(jsr ? ClassWriter.COMPUTE_MAXS : ClassWriter.COMPUTE_FRAMES);
        cw.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "sum", "([I)I", null, null);
        mv.visitAnnotation(AsIfAnnotated.VECTORIZE, true).visitEnd();
        mv.visitCode();
        Label test = new Label();
        Label end = new Label();
        Label sub = new Label();
        Label next = new Label();
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, 1); // s
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, 2); // i
        mv.visitLabel(test);
        mv.visitVarInsn(Opcodes.ILOAD, 2);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitInsn(Opcodes.ARRAYLENGTH);
        mv.visitJumpInsn(Opcodes.IF_ICMPGE, end);
        if (jsr) {
            mv.visitJumpInsn(Opcodes.JSR, sub);
            mv.visitJumpInsn(Opcodes.GOTO, next);
            mv.visitLabel(sub);
            mv.visitVarInsn(Opcodes.ASTORE, 3); // return address
        }
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ILOAD, 2);
        mv.visitInsn(Opcodes.IALOAD);
        mv.visitInsn(Opcodes.IADD);
        mv.visitVarInsn(Opcodes.ISTORE, 1);
        if (jsr) {
            mv.visitVarInsn(Opcodes.RET, 3);
            mv.visitLabel(next);
        }
        mv.visitIincInsn(2, 1);
        mv.visitJumpInsn(Opcodes.GOTO, test);
        mv.visitLabel(end);
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void aMethodOfThousandsOfLoopsNearTheSizeLimitIsPlannedQuickly() {
        int loops = 3_000;
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "gen/ManyLoops", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "([I)V", null, null);
        mv.visitAnnotation(AsIfAnnotated.VECTORIZE, true).visitEnd();
        mv.visitCode();
        for (int k = 0; k < loops; k++) {
            GeneratedClasses.incrementLoop(mv);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        byte[] bytes = cw.toByteArray();
        long start = System.nanoTime();
        TransformResult r = Differential.agentRewriter(null).rewrite(getClass().getClassLoader(), bytes);
        long millis = (System.nanoTime() - start) / 1_000_000;
        MethodPlan plan = r.plans().get(0);
        assertEquals(loops, plan.decisions().size(), "one decision per loop");
        assertTrue(plan.decisions().stream().map(LoopDecision::loop).distinct().count() == loops);
        assertTrue(millis < 10_000, "planning " + loops + " loops took " + millis + " ms");
        assertNotNull(r.bytes());
    }

    @Test
    void annotatedLoopsInLambdasAndInterfacesAreFoundAndRunUnchanged() throws ReflectiveOperationException {
        String source = """
                package fuzz;

                import dev.hotloop.Vectorize;
                import java.util.function.IntUnaryOperator;

                public final class Lambdas {
                    public interface Scaler {
                        @Vectorize
                        default void scale(float[] a, float f) {
                            for (int i = 0; i < a.length; i++) a[i] *= f;
                        }
                        @Vectorize
                        static int count(int[] a) {
                            int c = 0;
                            for (int i = 0; i < a.length; i++) c += a[i] > 0 ? 1 : 0;
                            return c;
                        }
                    }

                    public static int run(int[] a) {
                        IntUnaryOperator sum = n -> {
                            int s = 0;
                            for (@Vectorize int i = 0; i < n; i++) s += a[i];
                            return s;
                        };
                        float[] f = {1, -2, 3};
                        new Scaler() { }.scale(f, 2f);
                        return sum.applyAsInt(a.length) + Scaler.count(a) + (int) f[1];
                    }
                }
                """;
        Map<String, byte[]> classes = new InMemoryCompiler().compile(Map.of("fuzz.Lambdas", source), false);
        int checked = 0;
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            TransformResult r = Differential.agentRewriter(null).rewrite(getClass().getClassLoader(), e.getValue());
            for (MethodPlan p : r.plans()) {
                assertTrue(p.decisions().stream().allMatch(d -> d.loop() != null), p.reportLine());
                checked++;
            }
            if (r.bytes() != null) {
                e.setValue(r.bytes());
            }
        }
        assertEquals(3, checked, "the lambda's loop and both interface methods are planned");
        Class<?> c = new BytesLoader(getClass().getClassLoader(), classes, Map.of()).loadClass("fuzz.Lambdas");
        assertEquals(1 + 2 + 3 + 3 - 4, c.getMethod("run", int[].class).invoke(null, (Object) new int[] {1, 2, 3}));
    }
}
