package dev.hotloop.runtime.tier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of the JIT's compiler threads ({@code C1 CompilerThread0}, {@code C2 CompilerThread1},
 * ...), read from {@code /proc/self/task} (Linux): a compilation in progress shows as this time
 * growing. The JVM's own total compilation time grows only when a compilation ends, so a long C2
 * compilation of a large SIMD method (seconds on a loaded machine) looks like an idle JIT to it,
 * and a measurement taken then would time the interpreted or C1 code of the form still waiting
 * for C2. Compiler threads are hidden from {@code ThreadMXBean}, hence {@code /proc}.
 */
final class CompilerThreads {

    private static final Path TASKS = Path.of("/proc/self/task");

    private CompilerThreads() {
    }

    /** @return the compiler threads' CPU nanoseconds so far, or -1 where {@code /proc} does not tell */
    static long cpuNanos() {
        return cpuNanos(TASKS);
    }

    /**
     * @param tasks a {@code /proc/<pid>/task} directory
     * @return the CPU nanoseconds of its threads named as compiler threads, or -1 when there is no
     *     such directory or it names none
     */
    static long cpuNanos(Path tasks) {
        long total = 0;
        boolean found = false;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path t : threads) {
                try {
                    // the kernel keeps 15 characters of a thread's name: "C2 CompilerThre"
                    if (!new String(Files.readAllBytes(t.resolve("comm")), StandardCharsets.ISO_8859_1).contains("CompilerThre")) {
                        continue;
                    }
                    String schedstat = new String(Files.readAllBytes(t.resolve("schedstat")), StandardCharsets.ISO_8859_1).trim();
                    int space = schedstat.indexOf(' ');
                    total += Long.parseLong(space < 0 ? schedstat : schedstat.substring(0, space));
                    found = true;
                } catch (IOException | RuntimeException e) {
                    // a thread that ended while being read, or no schedstat: the others still count
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return found ? total : -1;
    }
}
