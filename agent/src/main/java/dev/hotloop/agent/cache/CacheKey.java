package dev.hotloop.agent.cache;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.options.ReportTarget;
import java.io.File;
import java.nio.charset.StandardCharsets;

/**
 * Names a cache entry: the SHA-256 of the original class file and of everything else the rewritten
 * class and its report lines depend on (the context): the agent's version and jar, the options that
 * change the output ({@code vectorize, parallel, strict, threads, cluster}, report on or off, which decides
 * the timing probes), the JDK's feature version, whether {@code jdk.incubator.vector} is resolved,
 * and what sets the preferred vector size, hence the lane counts ({@link VectorHardware}). Options that do not change the output
 * ({@code log}, the report's destination, {@code dump}) are left out, so they share entries.
 */
public final class CacheKey {

    /** Bumped when the entry format or the meaning of an entry changes. */
    static final String FORMAT = "hotloop-cache/1";

    private final byte[] context;

    /** @param context every input of the rewrite besides the class file, one string */
    CacheKey(String context) {
        this.context = context.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param options      the agent's options
     * @param vectorApi    whether {@code jdk.incubator.vector} is in the boot layer
     * @param agentVersion the agent's version
     * @return the key for this JVM; reads the preferred vector size when vectorization can happen
     */
    public static CacheKey forThisJvm(AgentOptions options, boolean vectorApi, String agentVersion) {
        String vectors = vectorApi && options.vectorize() ? VectorHardware.fingerprint() : "none";
        return new CacheKey(context(options, vectorApi, agentVersion, agentJarStamp(), Runtime.version().feature(), vectors));
    }

    static String context(AgentOptions options, boolean vectorApi, String agentVersion, String jarStamp, int javaFeature,
                          String vectors) {
        return FORMAT + ";agent=" + agentVersion + ";jar=" + jarStamp + ";java=" + javaFeature
                + ";vectorApi=" + vectorApi + ";vectors=" + vectors
                + ";enabled=" + options.enabled() + ";vectorize=" + options.vectorize() + ";parallel=" + options.parallel()
                + ";strict=" + options.strict() + ";threads=" + options.threads()
                + ";timed=" + (options.report().kind() != ReportTarget.Kind.OFF)
                + (options.cluster() == null ? "" : ";cluster=" + options.cluster());
    }

    /**
     * @param classFile the original class file
     * @return 64 hexadecimal digits
     */
    public String of(byte[] classFile) {
        Sha256 sha = new Sha256();
        byte[] n = new byte[4];
        n[0] = (byte) (context.length >>> 24);
        n[1] = (byte) (context.length >>> 16);
        n[2] = (byte) (context.length >>> 8);
        n[3] = (byte) context.length;
        sha.update(n);
        sha.update(context);
        sha.update(classFile);
        byte[] d = sha.digest();
        char[] hex = new char[64];
        for (int i = 0; i < 32; i++) {
            hex[2 * i] = Character.forDigit((d[i] >> 4) & 0xF, 16);
            hex[2 * i + 1] = Character.forDigit(d[i] & 0xF, 16);
        }
        return new String(hex);
    }

    /**
     * The agent jar's size and modification time: a rebuilt snapshot keeps its version number but
     * not its stamp, so a developer's cache never serves the previous build's rewrites.
     */
    private static String agentJarStamp() {
        try {
            var source = CacheKey.class.getProtectionDomain().getCodeSource();
            File f = source == null ? null : new File(source.getLocation().toURI());
            return f != null && f.isFile() ? f.length() + "@" + f.lastModified() : "classes";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
