package dev.hotloop.agent.transform;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * Placeholders for the timing ids of one class's methods, and where they end up in the written
 * class file (see {@link TimingIds}). Placeholder {@code i} is {@code base + i}, with a base chosen
 * so that no {@code CONSTANT_Integer} of the original class falls in the range: the class writer
 * shares equal constants, and a placeholder shared with the program's own constant (an {@code ldc},
 * a {@code ConstantValue}, an annotation value) would have its value patched too.
 */
final class TimingIdSlots {

    /** {@code "HL\0\0"}: far from the constants loops and their rewrites use. */
    static final int FIRST_BASE = 0x484C0000;
    /** Placeholders per class. */
    static final int RANGE = 0x10000;

    private static final int CONSTANT_INTEGER = 3;

    private final int base;

    private TimingIdSlots(int base) {
        this.base = base;
    }

    /**
     * @param original the class file before the rewrite
     * @return placeholders that the class's own constants do not use
     */
    static TimingIdSlots avoiding(byte[] original) {
        Set<Integer> used = intConstants(original);
        int base = FIRST_BASE;
        while (inRange(used, base)) {
            base += RANGE;
        }
        return new TimingIdSlots(base);
    }

    /** @return the placeholder of the {@code i}-th annotated method */
    int placeholder(int i) {
        if (i >= RANGE) {
            throw new IllegalStateException("more than " + RANGE + " annotated methods in one class");
        }
        return base + i;
    }

    /**
     * @param written the class file the writer produced, with placeholders
     * @param ids     per method, its id, or -1 when it is not timed
     * @return per method, the offset of its placeholder's value, or -1 when it is not timed
     */
    int[] locate(byte[] written, int[] ids) {
        int[] offsets = new int[ids.length];
        ClassReader r = ClassReaders.reader(written);
        for (int i = 0; i < ids.length; i++) {
            offsets[i] = ids[i] < 0 ? -1 : find(r, written, placeholder(i));
        }
        return offsets;
    }

    /** @return per method, its placeholder, or 0 when it is not timed */
    int[] placeholders(int[] ids) {
        int[] p = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            p[i] = ids[i] < 0 ? 0 : placeholder(i);
        }
        return p;
    }

    private static int find(ClassReader r, byte[] b, int value) {
        for (int item = 1; item < r.getItemCount(); item++) {
            int at = r.getItem(item);
            if (at > 0 && b[at - 1] == CONSTANT_INTEGER && r.readInt(at) == value) {
                return at;
            }
        }
        throw new IllegalStateException("timing-id placeholder " + Integer.toHexString(value) + " missing from the written class");
    }

    private static boolean inRange(Set<Integer> used, int base) {
        for (int v : used) {
            if (v - base >= 0 && v - base < RANGE) {
                return true;
            }
        }
        return false;
    }

    private static Set<Integer> intConstants(byte[] classFile) {
        ClassReader r = ClassReaders.reader(classFile);
        Set<Integer> out = new HashSet<>();
        for (int item = 1; item < r.getItemCount(); item++) {
            int at = r.getItem(item);
            if (at > 0 && classFile[at - 1] == CONSTANT_INTEGER) {
                out.add(r.readInt(at));
            }
        }
        return out;
    }
}
