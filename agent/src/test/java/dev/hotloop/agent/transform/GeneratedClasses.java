package dev.hotloop.agent.transform;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files built with ASM, for shapes javac will not produce or names the tests choose. */
public final class GeneratedClasses {

    static final String VECTORIZE = "Ldev/hotloop/Vectorize;";

    /** Code length of {@link #nearlyTooLarge}'s method: 5 bytes below the JVM's 65535-byte limit. */
    static final int NEARLY_MAX_CODE = 65_530;

    private GeneratedClasses() {
    }

    private static ClassWriter open(String internalName) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, internalName, null,
                "java/lang/Object", null);
        return cw;
    }

    /** {@code public static @Vectorize void run(int[] a) { for (int i = 0; i < a.length; i++) a[i]++; }}, no debug info. */
    static byte[] annotatedLoop(String internalName) {
        ClassWriter cw = open(internalName);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "([I)V", null, null);
        mv.visitAnnotation(VECTORIZE, true).visitEnd();
        mv.visitCode();
        incrementLoop(mv);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * Emits {@code for (i = 0; i < a.length; i++) a[i]++;} (20 bytes of code) with {@code a} in
     * local 0 and {@code i} in local 1, as javac lays it out.
     */
    public static void incrementLoop(MethodVisitor mv) {
        Label test = new Label();
        Label end = new Label();
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, 1);
        mv.visitLabel(test);
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitInsn(Opcodes.ARRAYLENGTH);
        mv.visitJumpInsn(Opcodes.IF_ICMPGE, end);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitInsn(Opcodes.DUP2);
        mv.visitInsn(Opcodes.IALOAD);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IADD);
        mv.visitInsn(Opcodes.IASTORE);
        mv.visitIincInsn(1, 1);
        mv.visitJumpInsn(Opcodes.GOTO, test);
        mv.visitLabel(end);
    }

    /**
     * {@code public static @Vectorize int run(int n)}: a bottom-tested counting loop, then NOP padding
     * up to {@link #NEARLY_MAX_CODE} bytes of code. Valid as it is; any probe pushes it over the limit.
     */
    static byte[] nearlyTooLarge(String internalName) {
        ClassWriter cw = open(internalName);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "(I)I", null, null);
        mv.visitAnnotation(VECTORIZE, true).visitEnd();
        mv.visitCode();
        Label top = new Label();
        mv.visitInsn(Opcodes.ICONST_0);            // 1 byte
        mv.visitVarInsn(Opcodes.ISTORE, 1);        // 1 (istore_1)
        mv.visitLabel(top);
        mv.visitIincInsn(1, 1);                    // 3
        mv.visitVarInsn(Opcodes.ILOAD, 1);         // 1
        mv.visitVarInsn(Opcodes.ILOAD, 0);         // 1
        mv.visitJumpInsn(Opcodes.IF_ICMPLT, top);  // 3
        int fixed = 1 + 1 + 3 + 1 + 1 + 3 + 1 + 1;
        for (int i = 0; i < NEARLY_MAX_CODE - fixed; i++) {
            mv.visitInsn(Opcodes.NOP);
        }
        mv.visitVarInsn(Opcodes.ILOAD, 1);         // 1
        mv.visitInsn(Opcodes.IRETURN);             // 1
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** An annotated method whose code no verifier accepts: execution falls off the end of the code. */
    static byte[] annotatedMalformed(String internalName) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "broken", "()I", null, null);
        mv.visitAnnotation(VECTORIZE, true).visitEnd();
        mv.visitCode();
        org.objectweb.asm.Label end = new org.objectweb.asm.Label();
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitJumpInsn(Opcodes.IFEQ, end);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(end);
        mv.visitInsn(Opcodes.NOP);
        mv.visitMaxs(1, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
