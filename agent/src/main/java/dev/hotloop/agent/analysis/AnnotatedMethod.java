package dev.hotloop.agent.analysis;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

/**
 * A method that carries at least one Hotloop annotation, on itself or on a local variable.
 *
 * @param owner       internal name of the declaring class
 * @param method      the method's tree
 * @param annotations what it carries
 * @param siblings    every method of the declaring class, where small static callees are found
 * @param classVersion the major version of the declaring class file ({@code 52} for Java 8), which
 *                     bounds the instructions a rewrite may add (no {@code invokedynamic} before 52)
 * @param inInterface  whether the declaring class is an interface, which can hold no mutable field
 * @param fields       which fields the method reads are {@code volatile}
 */
public record AnnotatedMethod(String owner, MethodNode method, List<HotloopAnnotation> annotations,
                              List<MethodNode> siblings, int classVersion, boolean inInterface, FieldFlags fields) {

    /** A method seen without its class: no callee can be inlined, and the class file is taken as Java 17's. */
    public AnnotatedMethod(String owner, MethodNode method, List<HotloopAnnotation> annotations) {
        this(owner, method, annotations, List.of(), Opcodes.V17, false, FieldFlags.NONE);
    }

    /** @return {@code com.acme.Stats.dot(float[],float[])}, the form used in every report */
    public String displayName() {
        return displayName(owner, method.name, method.desc);
    }

    /**
     * @param owner internal class name
     * @param name  method name
     * @param desc  method descriptor
     * @return {@code com.acme.Stats.dot(float[],float[])}
     */
    public static String displayName(String owner, String name, String desc) {
        StringBuilder b = new StringBuilder(owner.replace('/', '.')).append('.').append(name).append('(');
        Type[] args = Type.getArgumentTypes(desc);
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String cn = args[i].getClassName();
            int dot = cn.lastIndexOf('.');
            b.append(dot < 0 ? cn : cn.substring(dot + 1));
        }
        return b.append(')').toString();
    }

    /** @return whether the method has bytecode at all */
    public boolean hasCode() {
        return (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
    }

    /**
     * @param kind an annotation kind
     * @return whether any annotation of that kind is present
     */
    public boolean has(HotloopAnnotation.Kind kind) {
        for (HotloopAnnotation a : annotations) {
            if (a.kind() == kind) {
                return true;
            }
        }
        return false;
    }
}
