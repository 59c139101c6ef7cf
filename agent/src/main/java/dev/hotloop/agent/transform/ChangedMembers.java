package dev.hotloop.agent.transform;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Replays an original class file into a writer built on it ({@link ClassReaders#write(ClassNode,
 * byte[], OriginalMembers, ClassLoader)}), with the members of its rewritten tree: a changed method
 * ({@link OriginalMembers#changed}) is written from the tree where the original stood; an unchanged
 * one passes through to the writer, which copies its bytes; a field the tree dropped is left out; the fields and methods the tree added
 * follow the original's, in the tree's order. The class's own header and attributes are the
 * original's: a rewrite changes members only.
 */
final class ChangedMembers extends ClassVisitor {

    private final ClassNode cls;
    private final OriginalMembers original;
    private final Map<String, MethodNode> methods = new HashMap<>();
    private final Map<String, FieldNode> fields = new HashMap<>();
    private final Set<Object> written = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * @param writer  the writer, built on the original class file's reader
     * @param cls     the rewritten tree of that class file
     * @param original the tree's members before the rewrite, which tell the changed methods
     */
    ChangedMembers(ClassVisitor writer, ClassNode cls, OriginalMembers original) {
        super(ClassReaders.API, writer);
        this.cls = cls;
        this.original = original;
        for (MethodNode m : cls.methods) {
            methods.put(m.name + m.desc, m);
        }
        for (FieldNode f : cls.fields) {
            fields.put(f.name + ' ' + f.desc, f);
        }
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        FieldNode f = fields.get(name + ' ' + descriptor);
        if (f == null || !original.original(f)) {
            return null; // dropped from the tree, or dropped and added again: it comes in the tree's order
        }
        written.add(f);
        return super.visitField(access, name, descriptor, signature, value);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodNode m = methods.get(name + descriptor);
        if (m == null) {
            return null;
        }
        written.add(m);
        if (original.changed(m)) {
            m.accept(cv);
            return null;
        }
        return super.visitMethod(access, name, descriptor, signature, exceptions); // the writer's own: copied as it is
    }

    @Override
    public void visitEnd() {
        for (FieldNode f : cls.fields) {
            if (!written.contains(f)) {
                f.accept(cv);
            }
        }
        for (MethodNode m : cls.methods) {
            if (!written.contains(m)) {
                m.accept(cv);
            }
        }
        super.visitEnd();
    }
}
