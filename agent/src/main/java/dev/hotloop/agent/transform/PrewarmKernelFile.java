package dev.hotloop.agent.transform;

import java.util.ArrayList;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The class file of {@link PrewarmKernels} with one kernel annotated as its comment says, for
 * {@link Prewarm}. Apart from {@code Prewarm} because it refers to ASM, which a program without
 * annotations must never load.
 */
final class PrewarmKernelFile {

    static final String VECTORIZE = "Ldev/hotloop/Vectorize;";
    static final String PARALLEL = "Ldev/hotloop/Parallel;";

    private PrewarmKernelFile() {
    }

    /** The kernels of {@link PrewarmKernels}, in the order they are rewritten. */
    static final String[] KERNELS = {"dot", "select", "rows", "countAbove", "sigmoid"};

    /** @return the kernels with one of them annotated as its comment says */
    static byte[] annotated(byte[] bytes, String kernel) {
        ClassNode cls = new ClassNode();
        new ClassReader(bytes).accept(cls, 0);
        for (MethodNode m : cls.methods) {
            if (!m.name.equals(kernel)) {
                continue;
            }
            switch (m.name) {
                case "dot":
                case "sigmoid":
                    annotate(m, VECTORIZE, true);
                    break;
                case "countAbove":
                case "select":
                    annotate(m, VECTORIZE, false);
                    break;
                case "rows":
                    annotate(m, PARALLEL, false);
                    break;
                default:
                    break;
            }
        }
        ClassWriter w = new ClassWriter(0);
        cls.accept(w);
        return w.toByteArray();
    }

    private static void annotate(MethodNode m, String descriptor, boolean fastMath) {
        AnnotationNode a = new AnnotationNode(descriptor);
        if (fastMath) {
            a.visit("fastMath", Boolean.TRUE);
        }
        if (m.visibleAnnotations == null) {
            m.visibleAnnotations = new ArrayList<>();
        }
        m.visibleAnnotations.add(a);
    }

}
