package dev.hotloop.reliability;

import dev.hotloop.agent.transform.ClassReaders;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The real-world test's seam: adds {@code @Vectorize} (and, when asked, {@code @Parallel}) to every
 * method of a class file that has code, so that the agent, unchanged, treats every loop of a
 * library as annotated. The rest of the class file is copied as it is, constant pool included.
 */
final class AsIfAnnotated {

    static final String VECTORIZE = "Ldev/hotloop/Vectorize;";
    static final String PARALLEL = "Ldev/hotloop/Parallel;";

    private AsIfAnnotated() {
    }

    /**
     * @param bytes    a class file
     * @param parallel whether to add {@code @Parallel} too
     * @return the class file with every method that has code annotated
     */
    static byte[] annotate(byte[] bytes, boolean parallel) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(ClassReaders.API, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
                if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    return mv;
                }
                return new MethodVisitor(ClassReaders.API, mv) {
                    private boolean vectorize;
                    private boolean par;

                    @Override
                    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                        vectorize |= visible && descriptor.equals(VECTORIZE);
                        par |= visible && descriptor.equals(PARALLEL);
                        return super.visitAnnotation(descriptor, visible);
                    }

                    @Override
                    public void visitCode() {
                        if (!vectorize) {
                            super.visitAnnotation(VECTORIZE, true).visitEnd();
                        }
                        if (parallel && !par) {
                            super.visitAnnotation(PARALLEL, true).visitEnd();
                        }
                        super.visitCode();
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
