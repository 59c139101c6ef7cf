package dev.hotloop.agent.cache;

import dev.hotloop.agent.report.LoopRecord;
import dev.hotloop.agent.report.RefusalCode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * What a transform of one class produced, as a later run needs it without redoing it: the
 * rewritten class file (its timing ids still placeholders) and, per annotated method, what the
 * load-time report says. An entry of a class the agent left as it was has no class file.
 *
 * <p>On disk: {@code "HLCE"}, format version, payload length, CRC-32 of the payload, payload (its
 * numbers big-endian, its strings as a length and UTF-8 bytes, read by {@link EntryReader}). The
 * payload starts with the entry's own key, so a file renamed to another key is not believed.
 * {@link #decode} rejects anything that does not add up: wrong magic, length or checksum, a key
 * that is not the expected one, trailing bytes.
 *
 * @param owner     internal name of the class
 * @param classFile the rewritten class file with placeholders, or null when the class is unchanged
 * @param methods   one per annotated method, in the order of the report
 */
public record CacheEntry(String owner, byte[] classFile, List<Method> methods) {

    static final int MAGIC = 0x484C4345;
    static final int VERSION = 3;
    static final int HEADER = 16;
    /** No entry grows beyond this; a length field that says more is corrupt. */
    static final int MAX_PAYLOAD = 64 << 20;

    /**
     * One annotated method.
     *
     * @param name           method name
     * @param desc           method descriptor
     * @param idOffset       offset in the class file of its timing id's placeholder, or -1 when not timed
     * @param placeholder    the placeholder value at that offset
     * @param displayName    {@code com.acme.Stats.dot(float[],float[])}
     * @param line           first reported source line, or -1
     * @param rewrite        what its loops became
     * @param reportLine     the load-time line, without the transform time
     * @param transformNanos what the transform cost when the entry was made
     * @param needsVectorApi whether it carries {@code @Vectorize}
     * @param loops          what was decided for each annotated loop
     */
    public record Method(String name, String desc, int idOffset, int placeholder, String displayName, int line,
                         String rewrite, String reportLine, long transformNanos, boolean needsVectorApi,
                         List<LoopRecord> loops) {

        /** A method without loop details. */
        public Method(String name, String desc, int idOffset, int placeholder, String displayName, int line,
                      String rewrite, String reportLine, long transformNanos, boolean needsVectorApi) {
            this(name, desc, idOffset, placeholder, displayName, line, rewrite, reportLine, transformNanos, needsVectorApi,
                    List.of());
        }
    }

    /**
     * @param key the entry's key
     * @return the entry's file contents
     */
    public byte[] encode(String key) {
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream(classFile == null ? 256 : classFile.length + 512);
            DataOutputStream out = new DataOutputStream(payload);
            writeString(out, key);
            writeString(out, owner);
            out.writeInt(classFile == null ? -1 : classFile.length);
            if (classFile != null) {
                out.write(classFile);
            }
            out.writeInt(methods.size());
            for (Method m : methods) {
                writeString(out, m.name);
                writeString(out, m.desc);
                out.writeInt(m.idOffset);
                out.writeInt(m.placeholder);
                writeString(out, m.displayName);
                out.writeInt(m.line);
                writeString(out, m.rewrite);
                writeString(out, m.reportLine);
                out.writeLong(m.transformNanos);
                out.writeBoolean(m.needsVectorApi);
                out.writeInt(m.loops.size());
                for (LoopRecord l : m.loops) {
                    out.writeInt(l.line());
                    writeString(out, l.kind());
                    out.writeBoolean(l.rewritten());
                    writeString(out, l.summary());
                    writeString(out, l.code() == null ? "" : l.code().code());
                }
            }
            out.flush();
            byte[] p = payload.toByteArray();
            ByteArrayOutputStream file = new ByteArrayOutputStream(HEADER + p.length);
            DataOutputStream f = new DataOutputStream(file);
            f.writeInt(MAGIC);
            f.writeInt(VERSION);
            f.writeInt(p.length);
            f.writeInt(crc(p, 0, p.length));
            f.write(p);
            f.flush();
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    /**
     * @param key  the key the entry was looked up by
     * @param file the file's contents
     * @return the entry, or null when the file is not a whole, intact entry for that key
     */
    public static CacheEntry decode(String key, byte[] file) {
        try {
            if (file.length < HEADER) {
                return null;
            }
            EntryReader header = new EntryReader(file, 0, HEADER);
            int magic = header.readInt();
            int version = header.readInt();
            int length = header.readInt();
            int crc = header.readInt();
            if (magic != MAGIC || version != VERSION || length < 0 || length > MAX_PAYLOAD || HEADER + length != file.length
                    || crc(file, HEADER, length) != crc) {
                return null;
            }
            EntryReader in = new EntryReader(file, HEADER, file.length);
            if (!in.readString().equals(key)) {
                return null;
            }
            String owner = in.readString();
            int classLength = in.readInt();
            byte[] classFile = classLength >= 0 ? in.readBytes(classLength) : null;
            int n = in.readInt();
            if (n < 0 || n > in.remaining()) {
                return null;
            }
            List<Method> methods = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                methods.add(new Method(in.readString(), in.readString(), in.readInt(), in.readInt(), in.readString(), in.readInt(),
                        in.readString(), in.readString(), in.readLong(), in.readBoolean(), readLoops(in)));
            }
            if (in.remaining() != 0 || !consistent(classFile, methods)) {
                return null;
            }
            return new CacheEntry(owner, classFile, List.copyOf(methods));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<LoopRecord> readLoops(EntryReader in) {
        int n = in.readInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("bad loop count " + n);
        }
        List<LoopRecord> loops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int line = in.readInt();
            String kind = in.readString();
            boolean rewritten = in.readBoolean();
            String summary = in.readString();
            String code = in.readString();
            loops.add(new LoopRecord(line, kind, rewritten, summary, code.isEmpty() ? null : RefusalCode.of(code)));
        }
        return List.copyOf(loops);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static boolean consistent(byte[] classFile, List<Method> methods) {
        for (Method m : methods) {
            if (m.idOffset >= 0 && (classFile == null || m.idOffset < 1 || m.idOffset + 4 > classFile.length)) {
                return false;
            }
        }
        return true;
    }

    private static int crc(byte[] b, int off, int len) {
        CRC32 c = new CRC32(); // native from the first call; CRC32C's first use computes its tables, 0.9 ms more
        c.update(b, off, len);
        return (int) c.getValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheEntry e && owner.equals(e.owner) && Arrays.equals(classFile, e.classFile)
                && methods.equals(e.methods);
    }

    @Override
    public int hashCode() {
        return owner.hashCode() * 31 + Arrays.hashCode(classFile) * 17 + methods.hashCode();
    }

    @Override
    public String toString() {
        return "CacheEntry[" + owner + ", " + (classFile == null ? "unchanged" : classFile.length + " bytes") + ", " + methods + "]";
    }
}
