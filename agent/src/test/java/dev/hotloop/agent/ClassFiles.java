package dev.hotloop.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/** Reads the class files of test classes and finds their methods. */
public final class ClassFiles {

    private ClassFiles() {
    }

    /**
     * @param cls a class loaded from a class file
     * @return its class file, read through its loader
     */
    public static byte[] bytes(Class<?> cls) {
        String resource = "/" + cls.getName().replace('.', '/') + ".class";
        try (InputStream in = cls.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no class file " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param bytes a class file
     * @return its tree, with frames and debug information
     */
    public static ClassNode node(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    /**
     * @param cls a class loaded from a class file
     * @return its tree
     */
    public static ClassNode node(Class<?> cls) {
        return node(bytes(cls));
    }

    /**
     * @param cls  a class tree
     * @param name a method name that occurs once in it
     * @return that method
     */
    public static MethodNode method(ClassNode cls, String name) {
        MethodNode found = null;
        for (MethodNode m : cls.methods) {
            if (m.name.equals(name)) {
                if (found != null) {
                    throw new IllegalArgumentException(cls.name + "." + name + " is overloaded");
                }
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no method " + name + " in " + cls.name);
        }
        return found;
    }

    /**
     * @param bytes a class file
     * @return its fields, then its methods, in order, as {@code access name descriptor}: what a
     *     retransformation must keep the same
     */
    public static List<String> members(byte[] bytes) {
        ClassNode n = node(bytes);
        List<String> out = new ArrayList<>();
        for (FieldNode f : n.fields) {
            out.add(f.access + " " + f.name + " " + f.desc);
        }
        for (MethodNode m : n.methods) {
            out.add(m.access + " " + m.name + m.desc);
        }
        return out;
    }
}
