package dev.hotloop.agent.transform;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A {@link ClassWriter} that computes the common supertype of two classes, which stack-map frames
 * need, from the headers of their class files (super class, interfaces, flags) read through the
 * defining loader's resources, never by loading a class: loading an application class from inside
 * a transformer can initialise it too early, deadlock, or recurse into the transformer. Headers are
 * cached per writer, that is per transformed class.
 */
final class TypePoolClassWriter extends ClassWriter {

    private static final String OBJECT = "java/lang/Object";

    private final ClassLoader loader;
    private final Map<String, Header> headers = new HashMap<>();

    TypePoolClassWriter(int flags, ClassLoader loader) {
        super(flags);
        this.loader = loader;
    }

    /**
     * A writer that starts from {@code original}'s constant pool, so that the methods passed
     * through unchanged from {@code original} are copied as they are, frames included.
     */
    TypePoolClassWriter(ClassReader original, int flags, ClassLoader loader) {
        super(original, flags);
        this.loader = loader;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        if (type1.equals(type2)) {
            return type1;
        }
        if (type1.equals(OBJECT) || type2.equals(OBJECT)) {
            return OBJECT;
        }
        if (isSubtype(type2, type1)) {
            return type1;
        }
        if (isSubtype(type1, type2)) {
            return type2;
        }
        if (header(type1).isInterface || header(type2).isInterface) {
            return OBJECT;
        }
        for (String s = header(type1).superName; s != null; s = header(s).superName) {
            if (isSubtype(type2, s)) {
                return s;
            }
        }
        return OBJECT;
    }

    /** Whether {@code type} is {@code ancestor} or extends or implements it, directly or not. */
    private boolean isSubtype(String type, String ancestor) {
        if (type.equals(ancestor)) {
            return true;
        }
        Header h = header(type);
        if (h.superName != null && isSubtype(h.superName, ancestor)) {
            return true;
        }
        for (String i : h.interfaces) {
            if (isSubtype(i, ancestor)) {
                return true;
            }
        }
        return false;
    }

    private Header header(String internalName) {
        Header h = headers.get(internalName);
        if (h == null) {
            h = read(internalName);
            headers.put(internalName, h);
        }
        return h;
    }

    private Header read(String internalName) {
        String resource = internalName + ".class";
        try (InputStream in = open(resource)) {
            if (in == null) {
                throw new IllegalStateException("cannot compute stack-map frames: class file of "
                        + internalName.replace('/', '.') + " not found through the class loader");
            }
            ClassReader r = new ClassReader(in);
            return new Header(r.getSuperName(), r.getInterfaces(), (r.getAccess() & Opcodes.ACC_INTERFACE) != 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot compute stack-map frames: cannot read the class file of "
                    + internalName.replace('/', '.') + ": " + e.getMessage(), e);
        }
    }

    private InputStream open(String resource) {
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        return in != null ? in : ClassLoader.getSystemResourceAsStream(resource);
    }

    private record Header(String superName, String[] interfaces, boolean isInterface) {
    }
}
