package dev.hotloop.agent.transform;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The members of a parsed class before its rewrite: its fields, and the shape of each method
 * (instruction count, handlers, maxima), to tell which methods the rewrite changed: the annotated
 * ones (always counted changed), a static initializer (a parallel rewrite sets a flag at its end),
 * and any method whose shape moved. The others are copied from the original class file as they
 * are ({@link ChangedMembers}). A rewrite that edits some other method in place, its shape
 * unchanged, must name it in {@link #changed}.
 */
final class OriginalMembers {

    private final Map<MethodNode, long[]> shapes = new IdentityHashMap<>();
    private final Set<FieldNode> fields = Collections.newSetFromMap(new IdentityHashMap<>());

    private OriginalMembers(ClassNode cls) {
        for (MethodNode m : cls.methods) {
            shapes.put(m, shape(m));
        }
        fields.addAll(cls.fields);
    }

    /** @return the members of {@code cls} now, before its rewrite */
    static OriginalMembers of(ClassNode cls) {
        return new OriginalMembers(cls);
    }

    /** @return whether the field was the class's before its rewrite (not one it added, or added again) */
    boolean original(FieldNode f) {
        return fields.contains(f);
    }

    /**
     * @param cls       the class, after the rewrite
     * @param annotated the annotated methods
     * @return the methods of {@code cls} that are new or may differ from the original's
     */
    Set<MethodNode> changed(ClassNode cls, Set<MethodNode> annotated) {
        Set<MethodNode> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (MethodNode m : cls.methods) {
            long[] before = shapes.get(m);
            if (before == null || annotated.contains(m) || m.name.equals("<clinit>") || !Arrays.equals(before, shape(m))) {
                out.add(m);
            }
        }
        return out;
    }

    private static long[] shape(MethodNode m) {
        return new long[] {m.instructions.size(), m.tryCatchBlocks == null ? 0 : m.tryCatchBlocks.size(), m.maxStack, m.maxLocals,
            m.access};
    }
}
