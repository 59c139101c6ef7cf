package dev.hotloop.agent.transform;

/**
 * The timing ids baked into rewritten methods: the key a method registers under, and the patch
 * that writes ids into a class file whose id constants {@link TimingIdSlots} located. Uses no ASM,
 * so a class read back from the cache gets its ids without loading the rewriting stages.
 *
 * <p>{@code dev.hotloop.runtime.Timings} numbers methods in the order this JVM registers them, so an
 * id is only valid in the JVM that got it. Each timed method therefore reads its id with one
 * {@code ldc} of a {@code CONSTANT_Integer} that nothing else in the class uses: the class is written
 * with a placeholder there, and the id is patched into those four bytes of the constant pool, both
 * after a fresh rewrite and when the same class file comes from the cache in a later run (with its
 * placeholders, re-registered under this JVM's key for the method and its loader). The probe stays a
 * constant, as cheap as before; load order and class loaders only change which number is written.
 */
public final class TimingIds {

    /** The constant-pool tag of {@code CONSTANT_Integer}. */
    private static final int CONSTANT_INTEGER = 3;

    private TimingIds() {
    }

    /**
     * @param loader the defining loader (null for the bootstrap loader)
     * @param owner  internal name of the class
     * @param name   method name
     * @param desc   method descriptor
     * @return a key unique to the method in this JVM, stable across retransformation
     */
    public static String key(ClassLoader loader, String owner, String name, String desc) {
        String l = loader == null ? "boot" : loader.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(loader));
        return l + "/" + owner + "." + name + desc;
    }

    /**
     * Writes ids over placeholders, in place.
     *
     * @param bytes        a class file
     * @param offsets      per method, the offset of a {@code CONSTANT_Integer}'s value, or -1
     * @param placeholders per method, the value that must be there now
     * @param ids          per method, the value to write
     * @throws IllegalArgumentException when an offset does not hold its placeholder
     */
    public static void patch(byte[] bytes, int[] offsets, int[] placeholders, int[] ids) {
        for (int i = 0; i < offsets.length; i++) {
            int at = offsets[i];
            if (at < 0) {
                continue;
            }
            if (at < 1 || at + 4 > bytes.length || bytes[at - 1] != CONSTANT_INTEGER || readInt(bytes, at) != placeholders[i]) {
                throw new IllegalArgumentException("no timing-id placeholder at offset " + at);
            }
            writeInt(bytes, at, ids[i]);
        }
    }

    static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
