package dev.hotloop.agent.cache;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of a cache entry from its bytes, big-endian, as {@link CacheEntry#encode} wrote
 * them: no stream and no {@code VarHandle} behind it ({@code DataInputStream} reads its numbers
 * through one on JDK 21 and later, whose first use cost a cold JVM 2 ms of the first cached
 * class). Reading past the end throws {@link IllegalArgumentException}: the entry is not whole.
 */
final class EntryReader {

    private final byte[] b;
    private final int end;
    private int at;

    EntryReader(byte[] b, int from, int to) {
        this.b = b;
        this.at = from;
        this.end = to;
    }

    int readInt() {
        need(4);
        int v = (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
        at += 4;
        return v;
    }

    long readLong() {
        long high = readInt();
        return high << 32 | readInt() & 0xFFFF_FFFFL;
    }

    boolean readBoolean() {
        need(1);
        return b[at++] != 0;
    }

    /** @return a string written as its UTF-8 length, then its UTF-8 bytes */
    String readString() {
        int n = readInt();
        if (n < 0) {
            throw new IllegalArgumentException("negative length " + n);
        }
        need(n);
        String s = new String(b, at, n, StandardCharsets.UTF_8);
        at += n;
        return s;
    }

    /** @return {@code n} bytes, copied */
    byte[] readBytes(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative length " + n);
        }
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(b, at, out, 0, n);
        at += n;
        return out;
    }

    /** @return the bytes not read yet */
    int remaining() {
        return end - at;
    }

    private void need(int n) {
        if (n > end - at) {
            throw new IllegalArgumentException("entry ends " + (end - at) + " bytes short of " + n);
        }
    }
}
