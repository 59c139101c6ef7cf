package dev.hotloop.agent.transform;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The members of a parsed class before its rewrite: its fields, and the shape of each method the
 * rewrite may leave alone (instruction count, handlers, maxima, access), to tell which methods it
 * changed: the annotated ones and a static initializer (a parallel rewrite sets a flag at its end)
 * always count as changed, the others when their shape moved or they are new. The unchanged ones
 * are copied from the original class file as they are ({@link ChangedMembers}). A rewrite that
 * edits some other method in place, its shape unchanged, must be made to count here.
 */
final class OriginalMembers {

    private final Map<MethodNode, long[]> shapes = new IdentityHashMap<>();
    private final Set<FieldNode> fields = Collections.newSetFromMap(new IdentityHashMap<>());

    private OriginalMembers(ClassNode cls, List<AnnotatedMethod> annotated) {
        Set<MethodNode> rewritten = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AnnotatedMethod am : annotated) {
            rewritten.add(am.method());
        }
        for (MethodNode m : cls.methods) {
            if (!rewritten.contains(m) && !m.name.equals("<clinit>")) {
                shapes.put(m, shape(m));
            }
        }
        fields.addAll(cls.fields);
    }

    /**
     * @param cls       a parsed class, before its rewrite
     * @param annotated its annotated methods
     * @return its members now
     */
    static OriginalMembers of(ClassNode cls, List<AnnotatedMethod> annotated) {
        return new OriginalMembers(cls, annotated);
    }

    /** @return whether the field was the class's before its rewrite (not one it added, or added again) */
    boolean original(FieldNode f) {
        return fields.contains(f);
    }

    /** @return whether the method is new or may differ from the original's: it is written from the tree */
    boolean changed(MethodNode m) {
        long[] before = shapes.get(m);
        return before == null || !Arrays.equals(before, shape(m));
    }

    private static long[] shape(MethodNode m) {
        return new long[] {m.instructions.size(), m.tryCatchBlocks == null ? 0 : m.tryCatchBlocks.size(), m.maxStack, m.maxLocals,
            m.access};
    }
}
