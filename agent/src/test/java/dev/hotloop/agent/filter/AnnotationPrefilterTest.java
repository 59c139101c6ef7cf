package dev.hotloop.agent.filter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.targets.AbstractTarget;
import dev.hotloop.agent.targets.AnnotatedTarget;
import dev.hotloop.agent.targets.DescriptorInStringTarget;
import dev.hotloop.agent.targets.LoopShapes;
import dev.hotloop.agent.targets.PlanTargets;
import dev.hotloop.agent.targets.TypeUseOnlyTarget;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

class AnnotationPrefilterTest {

    @Test
    void methodAnnotatedClassesPass() {
        assertTrue(AnnotationPrefilter.mayBeAnnotated(ClassFiles.bytes(AnnotatedTarget.class)));
        assertTrue(AnnotationPrefilter.mayBeAnnotated(ClassFiles.bytes(PlanTargets.class)));
        assertTrue(AnnotationPrefilter.mayBeAnnotated(ClassFiles.bytes(AbstractTarget.class)));
    }

    @Test
    void classAnnotatedOnlyOnALocalVariablePasses() {
        assertTrue(AnnotationPrefilter.mayBeAnnotated(ClassFiles.bytes(TypeUseOnlyTarget.class)));
    }

    @Test
    void unannotatedClassesAreRejected() {
        assertFalse(AnnotationPrefilter.mayBeAnnotated(ClassFiles.bytes(LoopShapes.class)));
        assertFalse(AnnotationPrefilter.mayBeAnnotated(ClassFiles.bytes(ClassFilterTest.class)));
        assertFalse(AnnotationPrefilter.mayBeAnnotated(ClassFiles.bytes(String.class)));
    }

    /**
     * The pre-filter reads UTF-8 entries without knowing what refers to them, so the descriptor
     * as a string literal is a false positive. That is accepted: it only costs a parse, after
     * which the scanner finds no annotation and the class is left unchanged.
     */
    @Test
    void descriptorInAStringConstantIsAnAcceptedFalsePositive() {
        assertTrue(AnnotationPrefilter.mayBeAnnotated(ClassFiles.bytes(DescriptorInStringTarget.class)));
    }

    @Test
    void longAndDoubleConstantsTakeTwoSlots() {
        // A class whose pool holds a long and a double before the descriptor: a walker that
        // counted them as one slot each would run out of entries before reaching it.
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "gen/Wide", null, "java/lang/Object", null);
        cw.newConst(Long.MAX_VALUE);
        cw.newConst(Math.PI);
        cw.newConst(7L);
        cw.newUTF8(new String(AnnotationPrefilter.PARALLEL, StandardCharsets.UTF_8));
        cw.visitEnd();
        assertTrue(AnnotationPrefilter.mayBeAnnotated(cw.toByteArray()));
    }

    @Test
    void nullEmptyAndWrongMagicAreRejected() {
        assertFalse(AnnotationPrefilter.mayBeAnnotated(null));
        assertFalse(AnnotationPrefilter.mayBeAnnotated(new byte[0]));
        byte[] b = ClassFiles.bytes(AnnotatedTarget.class);
        b[0] = 0;
        assertFalse(AnnotationPrefilter.mayBeAnnotated(b));
    }

    @Test
    void everyTruncationOfAnAnnotatedClassIsSafeAndMonotonic() {
        byte[] full = ClassFiles.bytes(AnnotatedTarget.class);
        int firstTrue = -1;
        for (int len = 0; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            boolean answer = assertDoesNotThrow(() -> AnnotationPrefilter.mayBeAnnotated(cut), "length " + len);
            if (answer && firstTrue < 0) {
                firstTrue = len;
            }
            if (firstTrue >= 0) {
                assertTrue(answer, "true at length " + firstTrue + " but false at " + len);
            }
        }
        assertTrue(firstTrue > 10, "the descriptor lies inside the constant pool, found at " + firstTrue);
        assertTrue(AnnotationPrefilter.mayBeAnnotated(full));
    }

    @Test
    void randomGarbageNeverThrows() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(200)];
            random.nextBytes(b);
            if (i % 2 == 0 && b.length >= 4) {
                b[0] = (byte) 0xCA;
                b[1] = (byte) 0xFE;
                b[2] = (byte) 0xBA;
                b[3] = (byte) 0xBE;
            }
            assertDoesNotThrow(() -> AnnotationPrefilter.mayBeAnnotated(b));
        }
    }

    @Test
    void corruptedRealClassFilesNeverThrow() {
        byte[] original = ClassFiles.bytes(PlanTargets.class);
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] b = original.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                b[8 + random.nextInt(Math.min(400, b.length - 8))] = (byte) random.nextInt();
            }
            assertDoesNotThrow(() -> AnnotationPrefilter.mayBeAnnotated(b));
        }
    }
}
