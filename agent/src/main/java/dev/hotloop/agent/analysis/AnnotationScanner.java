package dev.hotloop.agent.analysis;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.TypeReference;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableAnnotationNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds Hotloop annotations in a parsed class, by descriptor, so that the annotation classes are
 * never loaded: on methods ({@code RuntimeVisibleAnnotations}) and on local variables
 * ({@code RuntimeVisibleTypeAnnotations} with target {@code LOCAL_VARIABLE}).
 */
public final class AnnotationScanner {

    static final String VECTORIZE_DESC = "Ldev/hotloop/Vectorize;";
    static final String PARALLEL_DESC = "Ldev/hotloop/Parallel;";

    private AnnotationScanner() {
    }

    /**
     * @param cls a parsed class
     * @return its annotated methods, in declaration order
     */
    public static List<AnnotatedMethod> scan(ClassNode cls) {
        return scan(cls, ClassLoader.getSystemClassLoader());
    }

    /**
     * @param cls    a parsed class
     * @param loader its defining loader (null for the bootstrap loader), where the fields its
     *               methods read are looked up
     * @return its annotated methods, in declaration order
     */
    public static List<AnnotatedMethod> scan(ClassNode cls, ClassLoader loader) {
        FieldFlags fields = FieldFlags.of(cls, loader);
        List<AnnotatedMethod> out = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            List<HotloopAnnotation> found = new ArrayList<>();
            if (m.visibleAnnotations != null) {
                for (AnnotationNode a : m.visibleAnnotations) {
                    HotloopAnnotation.Kind kind = kindOf(a.desc);
                    if (kind != null) {
                        found.add(read(kind, a, -1, List.of()));
                    }
                }
            }
            if (m.visibleLocalVariableAnnotations != null) {
                for (LocalVariableAnnotationNode a : m.visibleLocalVariableAnnotations) {
                    HotloopAnnotation.Kind kind = kindOf(a.desc);
                    if (kind == null || new TypeReference(a.typeRef).getSort() != TypeReference.LOCAL_VARIABLE) {
                        continue;
                    }
                    for (int r = 0; r < a.index.size(); r++) {
                        List<LabelNode[]> ranges = List.<LabelNode[]>of(new LabelNode[] {a.start.get(r), a.end.get(r)});
                        found.add(read(kind, a, a.index.get(r), ranges));
                    }
                }
            }
            if (!found.isEmpty()) {
                out.add(new AnnotatedMethod(cls.name, m, List.copyOf(found), cls.methods, cls.version & 0xFFFF,
                        (cls.access & Opcodes.ACC_INTERFACE) != 0, fields));
            }
        }
        return out;
    }

    private static HotloopAnnotation.Kind kindOf(String desc) {
        if (VECTORIZE_DESC.equals(desc)) {
            return HotloopAnnotation.Kind.VECTORIZE;
        }
        if (PARALLEL_DESC.equals(desc)) {
            return HotloopAnnotation.Kind.PARALLEL;
        }
        return null;
    }

    private static HotloopAnnotation read(HotloopAnnotation.Kind kind, AnnotationNode a, int local, List<LabelNode[]> ranges) {
        boolean fastMath = false;
        int unroll = 0;
        int threads = -1;
        int grain = 0;
        if (a.values != null) {
            for (int i = 0; i + 1 < a.values.size(); i += 2) {
                String name = (String) a.values.get(i);
                Object value = a.values.get(i + 1);
                switch (name) {
                    case "fastMath": fastMath = (Boolean) value; break;
                    case "unroll": unroll = (Integer) value; break;
                    case "threads": threads = (Integer) value; break;
                    case "grain": grain = (Integer) value; break;
                    default: break; // an attribute of a newer annotations jar: ignore
                }
            }
        }
        return new HotloopAnnotation(kind, fastMath, unroll, threads, grain, local, ranges);
    }
}
