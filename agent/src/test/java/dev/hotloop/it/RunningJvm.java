package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that was started: standard output and error go to files in a temporary directory,
 * so that a child that writes a lot never blocks; they are read back when the child ends, and the
 * directory removed.
 */
final class RunningJvm {

    private final List<String> command;
    private final Map<String, String> env;
    private final Process process;
    private final Path dir;

    RunningJvm(List<String> command, Map<String, String> env, Process process, Path dir) {
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.process = process;
        this.dir = dir;
    }

    long pid() {
        return process.pid();
    }

    /** @return everything written to standard output so far */
    String stdout() {
        return read("stdout");
    }

    /** @return everything written to standard error so far */
    String stderr() {
        return read("stderr");
    }

    /**
     * Waits until standard output or error contains some text.
     *
     * @param stream  {@code stdout} or {@code stderr}
     * @param text    what to wait for
     * @param timeout how long at most
     * @return whether it appeared; false also when the JVM ended first
     * @throws InterruptedException when the test is interrupted
     */
    boolean awaitOutput(String stream, String text, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (read(stream).contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return read(stream).contains(text);
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** @return the result once the JVM has ended; kills it and fails the test after the timeout */
    ChildResult await() {
        long timeout = ChildJvm.TIMEOUT.toSeconds();
        try {
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                String last = result(-1).describe();
                kill();
                fail("child JVM still running after " + timeout + " s, killed\n" + last);
            }
        } catch (InterruptedException e) {
            String last = result(-1).describe();
            kill();
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the child JVM\n" + last);
        }
        ChildResult r = result(process.exitValue());
        deleteOutput();
        return r;
    }

    /** Kills the JVM and its children, if still running, and removes its output. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteOutput();
    }

    ChildResult result(int exitCode) {
        return new ChildResult(command, env, exitCode, stdout(), stderr());
    }

    private void deleteOutput() {
        try {
            Files.deleteIfExists(dir.resolve("stdout"));
            Files.deleteIfExists(dir.resolve("stderr"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover in the temporary directory; nothing a test should fail on
        }
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<cannot read " + name + ": " + e + ">";
        }
    }
}
