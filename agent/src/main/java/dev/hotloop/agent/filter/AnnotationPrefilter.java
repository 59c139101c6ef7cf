package dev.hotloop.agent.filter;

import java.nio.charset.StandardCharsets;

/**
 * Decides from the raw bytes of a class file, without parsing it, whether the class can hold a
 * Hotloop annotation: it walks the constant pool and looks for the descriptor
 * {@code Ldev/hotloop/Vectorize;} or {@code Ldev/hotloop/Parallel;} in a UTF-8 entry. Annotations
 * of every kind (on methods, on local variables) name their type through such an entry, so a
 * class without one cannot be annotated. A malformed constant pool answers {@code false}: the JVM
 * will reject the class itself, and the agent must not be the one to fail on it.
 */
public final class AnnotationPrefilter {

    static final byte[] VECTORIZE = "Ldev/hotloop/Vectorize;".getBytes(StandardCharsets.UTF_8);
    static final byte[] PARALLEL = "Ldev/hotloop/Parallel;".getBytes(StandardCharsets.UTF_8);

    private static final int MAGIC = 0xCAFEBABE;

    private AnnotationPrefilter() {
    }

    /**
     * @param b a class file
     * @return whether its constant pool names a Hotloop annotation
     */
    public static boolean mayBeAnnotated(byte[] b) {
        if (b == null || b.length < 10 || u4(b, 0) != MAGIC) {
            return false;
        }
        int count = u2(b, 8);
        int p = 10;
        for (int i = 1; i < count; i++) {
            if (p >= b.length) {
                return false;
            }
            int tag = b[p] & 0xFF;
            switch (tag) {
                case 1: { // Utf8
                    if (p + 3 > b.length) {
                        return false;
                    }
                    int len = u2(b, p + 1);
                    int start = p + 3;
                    if (start + len > b.length) {
                        return false;
                    }
                    if (matches(b, start, len, VECTORIZE) || matches(b, start, len, PARALLEL)) {
                        return true;
                    }
                    p = start + len;
                    break;
                }
                case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
                    p += 3;
                    break;
                case 15: // MethodHandle
                    p += 4;
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    p += 5;
                    break;
                case 5: case 6: // Long, Double take two slots
                    p += 9;
                    i++;
                    break;
                default:
                    return false;
            }
        }
        return false;
    }

    private static boolean matches(byte[] b, int start, int len, byte[] wanted) {
        if (len != wanted.length) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (b[start + k] != wanted[k]) {
                return false;
            }
        }
        return true;
    }

    private static int u2(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    private static int u4(byte[] b, int p) {
        return (u2(b, p) << 16) | u2(b, p + 2);
    }
}
