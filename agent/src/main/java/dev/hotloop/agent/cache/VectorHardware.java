package dev.hotloop.agent.cache;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What decides the vector size the Vector API prefers on this JVM, read without loading the Vector
 * API (reading {@code VectorShape.preferredShape()} costs a short program some 16 ms of class loading
 * and spinning): the architecture, the processor's feature flags, and the JVM options that narrow
 * the vectors ({@code -XX:MaxVectorSize}, {@code -XX:UseAVX}, ...), from the command line and the
 * environment variables the launcher reads. A cache directory shared between machines then never
 * serves code made for another machine's vectors; a mismatch the fingerprint misses costs speed,
 * never results, since a SIMD loop runs only once it has measured faster here.
 */
final class VectorHardware {

    private static final List<String> FLAGS = List.of("MaxVectorSize", "UseAVX", "UseSSE", "UseSVE", "UseRVV",
            "UseVectorStubs", "UseSuperWord", "UseAVX512");

    private VectorHardware() {
    }

    /** @return the fingerprint, one string */
    static String fingerprint() {
        StringBuilder b = new StringBuilder(System.getProperty("os.arch", "?"));
        b.append(";cpu=").append(cpuFlags());
        b.append(";jvm=");
        for (String a : commandLine()) {
            vectorOption(b, a);
        }
        for (String env : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"}) {
            String v = System.getenv(env);
            if (v != null) {
                for (String a : v.trim().split("\\s+")) {
                    vectorOption(b, a);
                }
            }
        }
        return b.toString();
    }

    private static void vectorOption(StringBuilder b, String arg) {
        if (arg.startsWith("-XX:")) {
            for (String f : FLAGS) {
                if (arg.contains(f)) {
                    b.append(arg).append(' ');
                }
            }
        }
    }

    /**
     * @return the JVM's command line from {@code /proc/self/cmdline} (Linux), else nothing: the
     *     environment variables still count ({@code ProcessHandle.info()} would start the process
     *     reaper's thread machinery, some 6 ms of a short program)
     */
    private static String[] commandLine() {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.ISO_8859_1).split("\u0000");
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }

    /** @return the hash of the first processor's feature flags (Linux), or {@code ?} */
    private static String cpuFlags() {
        // Read up to the first processor's flags only: the file repeats them for every processor,
        // some 3 KB each (hundreds of kilobytes on a large server).
        try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/cpuinfo"), StandardCharsets.ISO_8859_1)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("flags") || line.startsWith("Features")) {
                    return Integer.toHexString(line.hashCode());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture and the options stand alone
        }
        return "?";
    }
}
