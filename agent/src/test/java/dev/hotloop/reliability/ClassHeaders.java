package dev.hotloop.reliability;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * The class hierarchy of a library and the JDK, read from class-file headers (super class,
 * interfaces, flags), never by loading a class. A type whose class file is not found is unknown.
 */
final class ClassHeaders {

    /** One class's header. */
    record Header(String superName, String[] interfaces, boolean isInterface) {
    }

    private final Function<String, byte[]> classFiles;
    private final Map<String, Header> cache = new HashMap<>();

    /** @param classFiles internal name to class file, or null when there is none */
    ClassHeaders(Function<String, byte[]> classFiles) {
        this.classFiles = classFiles;
    }

    /** @return the header, or null for an unknown type */
    Header header(String internalName) {
        if (cache.containsKey(internalName)) {
            return cache.get(internalName);
        }
        byte[] b = classFiles.apply(internalName);
        Header h = null;
        if (b != null) {
            ClassReader r = new ClassReader(b);
            h = new Header(r.getSuperName(), r.getInterfaces(), (r.getAccess() & Opcodes.ACC_INTERFACE) != 0);
        }
        cache.put(internalName, h);
        return h;
    }

    /**
     * @return whether {@code type} is {@code ancestor} or a subtype of it; true when a type on the
     *     way is unknown (the verifier cannot judge, so it does not fail)
     */
    boolean isSubtype(String type, String ancestor) {
        if (type.equals(ancestor) || ancestor.equals("java/lang/Object")) {
            return true;
        }
        Header h = header(type);
        if (h == null) {
            return true;
        }
        if (h.superName() != null && isSubtype(h.superName(), ancestor)) {
            return true;
        }
        for (String i : h.interfaces()) {
            if (isSubtype(i, ancestor)) {
                return true;
            }
        }
        return false;
    }
}
