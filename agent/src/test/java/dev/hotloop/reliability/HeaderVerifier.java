package dev.hotloop.reliability;

import dev.hotloop.agent.transform.ClassReaders;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * ASM's {@link SimpleVerifier} with the class hierarchy taken from {@link ClassHeaders} instead of
 * loaded classes, so that a whole library can be verified without loading it. Like the JVM's
 * verifier, it accepts any object where an interface is expected.
 */
final class HeaderVerifier extends SimpleVerifier {

    private final ClassHeaders headers;

    HeaderVerifier(ClassHeaders headers, Type current, Type superType, List<Type> interfaces, boolean isInterface) {
        super(ClassReaders.API, current, superType, interfaces, isInterface);
        this.headers = headers;
    }

    @Override
    protected boolean isInterface(Type type) {
        if (type.getSort() != Type.OBJECT) {
            return false;
        }
        ClassHeaders.Header h = headers.header(type.getInternalName());
        return h != null && h.isInterface();
    }

    @Override
    protected Type getSuperClass(Type type) {
        if (type.getSort() != Type.OBJECT) {
            return Type.getObjectType("java/lang/Object");
        }
        ClassHeaders.Header h = headers.header(type.getInternalName());
        return h == null || h.superName() == null ? null : Type.getObjectType(h.superName());
    }

    @Override
    protected boolean isAssignableFrom(Type type1, Type type2) {
        if (type1.equals(type2)) {
            return true;
        }
        if (type2.getSort() == Type.ARRAY) {
            if (type1.getSort() == Type.OBJECT) {
                String n = type1.getInternalName();
                return n.equals("java/lang/Object") || n.equals("java/lang/Cloneable") || n.equals("java/io/Serializable");
            }
            if (type1.getSort() != Type.ARRAY) {
                return false;
            }
            Type e1 = Type.getType(type1.getDescriptor().substring(1));
            Type e2 = Type.getType(type2.getDescriptor().substring(1));
            if (e1.getSort() < Type.ARRAY || e2.getSort() < Type.ARRAY) {
                return e1.equals(e2);
            }
            return isInterface(e1) || isAssignableFrom(e1, e2);
        }
        if (type1.getSort() != Type.OBJECT || type2.getSort() != Type.OBJECT) {
            return false;
        }
        return headers.isSubtype(type2.getInternalName(), type1.getInternalName());
    }
}
