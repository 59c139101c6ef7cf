package dev.hotloop.agent.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;

/**
 * Whether a field an instruction reads is {@code volatile}: looked up in the class being rewritten,
 * else in the class files of the field's owner and its superclasses, read through the defining
 * loader's resources (never by loading a class). A field whose class file cannot be read counts
 * as not volatile. One instance per rewritten class; not thread-safe.
 */
public final class FieldFlags {

    /** For methods seen without their class: only what the class file says is known, so nothing is volatile. */
    public static final FieldFlags NONE = new FieldFlags(null, null, false);

    private final ClassNode cls;
    private final ClassLoader loader;
    private final boolean lookUp;
    private final Map<String, Declared> classes = new HashMap<>();

    private FieldFlags(ClassNode cls, ClassLoader loader, boolean lookUp) {
        this.cls = cls;
        this.loader = loader;
        this.lookUp = lookUp;
    }

    /**
     * @param cls    the class being rewritten
     * @param loader its defining loader, null for the bootstrap loader
     * @return the flags of the fields its code reads
     */
    public static FieldFlags of(ClassNode cls, ClassLoader loader) {
        return new FieldFlags(cls, loader, true);
    }

    /**
     * @param insn a {@code getfield} or {@code getstatic}
     * @return whether the field it resolves to is declared {@code volatile}
     */
    public boolean isVolatile(FieldInsnNode insn) {
        if (!lookUp) {
            return false;
        }
        String key = insn.name + ':' + insn.desc;
        for (String owner = insn.owner; owner != null; ) {
            Declared d = declared(owner);
            if (d == null) {
                return false;
            }
            Integer access = d.fields.get(key);
            if (access != null) {
                return (access & Opcodes.ACC_VOLATILE) != 0;
            }
            owner = d.superName; // interface fields are constants, never volatile
        }
        return false;
    }

    private Declared declared(String owner) {
        if (owner.equals(cls.name)) {
            Declared d = new Declared(cls.superName);
            for (FieldNode f : cls.fields) {
                d.fields.put(f.name + ':' + f.desc, f.access);
            }
            return d;
        }
        return classes.computeIfAbsent(owner, this::read);
    }

    private Declared read(String owner) {
        String resource = owner + ".class";
        try (InputStream in = loader != null ? loader.getResourceAsStream(resource) : ClassLoader.getSystemResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            ClassReader r = new ClassReader(in);
            Declared d = new Declared(r.getSuperName());
            r.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                    d.fields.put(name + ':' + descriptor, access);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return d;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final class Declared {
        final String superName;
        final Map<String, Integer> fields = new HashMap<>();

        Declared(String superName) {
            this.superName = superName;
        }
    }
}
