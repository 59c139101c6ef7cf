package dev.hotloop.agent.transform;

import java.util.Iterator;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

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
        // loops, not lambdas: this runs on the loading thread (see vector.Walk)
        for (MethodNode m : cls.methods) {
            if (m.name.startsWith(PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** Drops the fields a rewrite would add, so that it adds them again in its own order. */
    static void dropFields(ClassNode cls) {
        for (Iterator<FieldNode> i = cls.fields.iterator(); i.hasNext();) {
            if (i.next().name.startsWith(PREFIX)) {
                i.remove();
            }
        }
    }
}
