package dev.hotloop.bench.runlength;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fresh JVM of the run-length benchmark: starts it, waits for it under a time limit and reads
 * {@link RunLengthApp}'s result line. {@code wallMs} runs from just before the process is started
 * to its exit, so that it holds the JVM's start and shutdown as a user feels them.
 *
 * @param exitCode  the JVM's exit status, or -1 when it was killed at the time limit
 * @param wallMs    process start to exit, in milliseconds
 * @param elapsedMs the app's own {@code elapsed_ms}, or NaN when there was no result line
 * @param checksum  the app's checksum, or NaN when there was no result line
 * @param strict    the strict kernels' part of it, or NaN when there was none
 * @param stderr    everything the JVM wrote to standard error
 */
record JvmRun(int exitCode, double wallMs, double elapsedMs, double checksum, double strict, String stderr) {

    private static final Pattern RESULT = Pattern.compile(
            "calls=(\\d+) elapsed_ms=([0-9.Ee+-]+) checksum=([0-9.Ee+-]+|NaN|-?Infinity)(?: strict=([0-9.Ee+-]+|NaN|-?Infinity))?");
    /** Environment variables that would change some runs unseen: agent options and JVM flags. */
    private static final List<String> LEAKING_ENV = List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

    /** @return true when the JVM exited normally with a result line */
    boolean ok() {
        return exitCode == 0 && !Double.isNaN(elapsedMs);
    }

    /** @return true when the JVM was killed at the time limit */
    boolean timedOut() {
        return exitCode == -1;
    }

    /**
     * Runs one JVM to its end.
     *
     * @param command        the command line
     * @param timeoutSeconds time limit; the JVM is killed after it
     * @param scratch        a directory for its standard output and error
     * @return what it did
     * @throws IOException if the JVM cannot be started or its output read
     */
    static JvmRun run(List<String> command, long timeoutSeconds, Path scratch) throws IOException {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("HOTLOOP_") || LEAKING_ENV.contains(k));
        long start = System.nanoTime();
        Process p = pb.start();
        int exit;
        try {
            if (p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                exit = p.exitValue();
            } else {
                p.destroyForcibly().waitFor();
                exit = -1;
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command, e);
        }
        double wallMs = (System.nanoTime() - start) / 1e6;
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(out);
        Files.delete(err);
        Matcher m = RESULT.matcher(stdout);
        if (!m.find()) {
            return new JvmRun(exit, wallMs, Double.NaN, Double.NaN, Double.NaN, stderr + stdout);
        }
        return new JvmRun(exit, wallMs, Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                m.group(4) == null ? Double.NaN : Double.parseDouble(m.group(4)), stderr);
    }
}
