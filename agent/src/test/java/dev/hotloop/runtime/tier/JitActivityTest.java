package dev.hotloop.runtime.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The JIT is idle only when neither its finished-compilation time nor its threads' CPU time moves. */
class JitActivityTest {

    private long clock;
    private long totalMillis = 100;
    private long compilerNanos = 5_000;

    private JitActivity activity() {
        return new JitActivity(() -> totalMillis, () -> compilerNanos, () -> clock);
    }

    @Test
    void idleOnceBothSignsStoodStillForTheQuietPeriod() {
        JitActivity jit = activity();
        assertFalse(jit.idle(), "the first look has nothing to compare with");
        clock += JitActivity.QUIET_NANOS - 1;
        assertFalse(jit.idle());
        clock += 1;
        assertTrue(jit.idle());
    }

    /** The case the counter alone missed: a long C2 compilation, its time counted only at its end. */
    @Test
    void aCompilationInProgressIsNotIdleThoughTheCounterStandsStill() {
        JitActivity jit = activity();
        jit.idle();
        for (int i = 0; i < 50; i++) {
            clock += JitActivity.PROC_EVERY_NANOS;
            compilerNanos += 15_000_000; // a compiler thread at work
            assertFalse(jit.idle(), "after " + (i + 1) * 20 + " ms of compiling");
        }
        totalMillis += 900; // it ends
        clock += JitActivity.PROC_EVERY_NANOS;
        assertFalse(jit.idle());
        clock += JitActivity.QUIET_NANOS;
        assertTrue(jit.idle());
    }

    @Test
    void withoutProcTheCounterAloneDecides() {
        compilerNanos = -1;
        JitActivity jit = activity();
        jit.idle();
        clock += JitActivity.QUIET_NANOS;
        assertTrue(jit.idle());
        totalMillis++;
        assertFalse(jit.idle());
    }

    @Test
    void withoutACounterNeverIdle() {
        JitActivity jit = new JitActivity(null, () -> compilerNanos, () -> clock);
        jit.idle();
        clock += 10 * JitActivity.QUIET_NANOS;
        assertFalse(jit.idle());
    }

    @Test
    void compilerThreadsAreFoundByNameAndTheirCpuTimesAdded(@TempDir Path tasks) throws IOException {
        thread(tasks, "101", "java", "900000 20 3");
        thread(tasks, "102", "C2 CompilerThre", "3288136 51967359 80");
        thread(tasks, "103", "C1 CompilerThre", "11132160 55230616 77");
        thread(tasks, "104", "GC Thread#0", "86162 13654697 2");
        assertEquals(3288136L + 11132160L, CompilerThreads.cpuNanos(tasks));
        assertEquals(-1, CompilerThreads.cpuNanos(tasks.resolve("absent")));
        Path none = Files.createDirectory(tasks.resolve("none"));
        thread(none, "1", "main", "1 2 3");
        assertEquals(-1, CompilerThreads.cpuNanos(none), "no compiler thread: unknown, not idle forever");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void thisJvmsCompilerThreadsHaveWorked() {
        assertTrue(CompilerThreads.cpuNanos() > 0, "a JVM that ran JUnit has compiled something");
    }

    private static void thread(Path tasks, String tid, String comm, String schedstat) throws IOException {
        Path t = Files.createDirectories(tasks.resolve(tid));
        Files.write(t.resolve("comm"), (comm + "\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(t.resolve("schedstat"), (schedstat + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }
}
