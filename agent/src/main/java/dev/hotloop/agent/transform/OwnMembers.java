package dev.hotloop.agent.transform;

import org.objectweb.asm.tree.ClassNode;

/**
 * The members a rewrite adds all have names that start with {@code hotloop$} (chunk, SIMD and
 * scalar methods, tier and initialization fields). A class file handed to the transformer may
 * already hold some of them: another agent that retransforms a rewritten class with Byte Buddy
 * (Mockito's inline mock maker) rebuilds it from the loaded class's description, which re-declares
 * its fields. Those are dropped, so that the rewrite adds them again in its own order; a class file
 * that already holds rewritten methods is Hotloop's own output and is not rewritten twice.
 */
final class OwnMembers {

    static final String PREFIX = "hotloop$";

    private OwnMembers() {
    }

    /** @return whether the class holds a method a rewrite added: it was rewritten already */
    static boolean hasMethods(ClassNode cls) {
        return cls.methods.stream().anyMatch(m -> m.name.startsWith(PREFIX));
    }

    /** Drops the fields a rewrite would add, so that it adds them again in its own order. */
    static void dropFields(ClassNode cls) {
        cls.fields.removeIf(f -> f.name.startsWith(PREFIX));
    }
}
