package dev.hotloop.agent.transform;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/**
 * The one place that parses and writes class files, with one class-file version policy: every
 * version ASM reads is parsed; stack-map frames are recomputed from Java 6 (version 50) on, and
 * older class files, which may hold {@code jsr/ret}, only get their maxima recomputed.
 */
public final class ClassReaders {

    /** The ASM API level the agent is written against. */
    public static final int API = Opcodes.ASM9;

    private ClassReaders() {
    }

    /**
     * @param bytes a class file
     * @return its tree, frames dropped (they are recomputed on write)
     * @throws IllegalArgumentException when ASM cannot read the class file (too new or corrupt)
     */
    public static ClassNode parse(byte[] bytes) {
        ClassReader reader = reader(bytes);
        ClassNode node = new ClassNode(API);
        reader.accept(node, ClassReader.SKIP_FRAMES);
        return node;
    }

    /**
     * @param bytes a class file
     * @return a reader over it, for its header and constant pool
     * @throws IllegalArgumentException when ASM cannot read the class file (too new or corrupt)
     */
    public static ClassReader reader(byte[] bytes) {
        return new ClassReader(bytes);
    }

    /**
     * @param cls    a class tree
     * @param loader the loader that defines it, to look up supertypes without loading them
     * @return its class file
     */
    public static byte[] write(ClassNode cls, ClassLoader loader) {
        ClassWriter writer = new TypePoolClassWriter(flags(cls), loader);
        cls.accept(writer);
        return writer.toByteArray();
    }

    /**
     * Writes a class parsed from {@code original} of which only the methods {@code members} counts
     * changed (and the methods and fields added to it) differ: the other methods are copied from the
     * original class file as they are, their frames included, instead of being written again and
     * their frames recomputed (a class with 80 methods besides its annotated one cost the rewrite
     * three times what the one method did).
     *
     * @param cls      the class tree, parsed from {@code original}
     * @param original its class file
     * @param members  the tree's members before the rewrite
     * @param loader   the loader that defines it, to look up supertypes without loading them
     * @return its class file
     */
    static byte[] write(ClassNode cls, byte[] original, OriginalMembers members, ClassLoader loader) {
        ClassReader reader = reader(original);
        ClassWriter writer = new TypePoolClassWriter(reader, flags(cls), loader);
        reader.accept(new ChangedMembers(writer, cls, members), 0);
        return writer.toByteArray();
    }

    private static int flags(ClassNode cls) {
        int major = cls.version & 0xFFFF;
        return major >= Opcodes.V1_6 ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS;
    }
}
