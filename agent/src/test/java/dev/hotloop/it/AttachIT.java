package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.hotloop.it.apps.AttachTargetApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dynamic attach, {@code java -jar hotloop-agent.jar PID [options]}, to a JVM started without the
 * agent: the annotated class it already loaded is retransformed and reported, and the exit table
 * counts the calls made after the attach. Skipped, with the reason, where this machine does not
 * allow one process to attach to another.
 */
class AttachIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void attachRewritesTheLoadedClassAndCountsLaterCalls() throws Exception {
        Path go = tmp.resolve("go");
        RunningJvm target = ChildJvm.app(AttachTargetApp.class, go.toString()).start();
        try {
            awaitReady(target);
            ChildResult attach = ChildJvm.agentJarMain(Long.toString(target.pid()), "log=info").run();
            assertEquals(0, attach.exitCode(), () -> attach.describe() + target.result(-1).describe());
            assertTrue(attach.stdout().contains("[hotloop] attached to " + target.pid()), attach::describe);
            assertTrue(target.awaitOutput("stderr", "[hotloop] attached: ", WAIT), () -> target.result(-1).describe());
            Files.createFile(go);
            ChildResult r = target.await();
            assertEquals(0, r.exitCode(), r::describe);
            assertEquals(List.of("ready " + target.pid(), expectedTotal()), r.stdout().lines().toList(), r::describe);

            SourceMarkers source = SourceMarkers.of(AttachTargetApp.class);
            String work = AttachTargetApp.class.getName() + ".work(int[])";
            String spin = AttachTargetApp.class.getName() + ".spin(int[])";
            List<String> load = r.loadLines(AttachTargetApp.class);
            assertEquals(2, load.size(), r::describe);
            assertTrue(load.get(0).startsWith("[hotloop] " + work + " line " + source.line("work") + ": "), r::describe);
            assertTrue(load.get(1).startsWith("[hotloop] " + spin + " line " + source.line("spin") + ": "), r::describe);
            assertTrue(r.stderr().contains("[hotloop] attached: 1 annotated classes already loaded were rewritten"),
                    r::describe);
            assertEquals(List.of(), r.errorLines(), r::describe);

            Map<String, ExitTable.Row> rows = ExitTable.parse(r.stderr());
            assertEquals(List.of(work, spin), List.copyOf(rows.keySet()), r::describe);
            assertEquals(AttachTargetApp.CALLS_AFTER, rows.get(work).calls(), () -> "calls after attach" + r.describe());
            assertTrue(rows.get(spin).calls() >= 1, r::describe);
        } finally {
            target.kill();
        }
    }

    @Test
    void badOptionIsRefusedBeforeAttachingWithOneLine() throws Exception {
        Path go = tmp.resolve("go");
        RunningJvm target = ChildJvm.app(AttachTargetApp.class, go.toString()).start();
        try {
            awaitReady(target);
            ChildResult attach = ChildJvm.agentJarMain(Long.toString(target.pid()), "treads=2").run();
            assertEquals(2, attach.exitCode(), attach::describe);
            assertEquals(List.of("[hotloop] ERROR agent option 'treads' unknown; known options: "
                    + String.join(", ", dev.hotloop.agent.options.AgentOptions.KEYS)), attach.stderr().lines().toList(),
                    attach::describe);
            Files.createFile(go);
            ChildResult r = target.await();
            assertEquals(0, r.exitCode(), r::describe);
            assertEquals(List.of(), r.hotloopLines(), r::describe);
            assertFalse(r.stderr().contains("ASSERTION FAILED") || r.stderr().contains("Exception"), r::describe);
        } finally {
            target.kill();
        }
    }

    @Test
    void attachToAMissingProcessSaysSoPlainly() {
        long pid = 999_999;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        ChildResult r = ChildJvm.agentJarMain(Long.toString(pid)).run();
        assertEquals(1, r.exitCode(), r::describe);
        List<String> lines = r.stderr().lines().toList();
        assertEquals(1, lines.size(), r::describe);
        assertTrue(lines.get(0).startsWith("[hotloop] ERROR no Java process " + pid), r::describe);
        assertFalse(lines.get(0).contains("bytebuddy"), r::describe);
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        ChildResult r = ChildJvm.agentJarMain("--help").run();
        assertEquals(0, r.exitCode(), r::describe);
        for (String key : dev.hotloop.agent.options.AgentOptions.KEYS) {
            assertTrue(r.stdout().lines().anyMatch(l -> l.trim().startsWith(key + " ")), () -> key + r.describe());
        }
        assertTrue(r.stdout().contains("threads    cores"), r::describe);
    }

    @Test
    void attachToolWithoutProcessIdPrintsUsage() {
        ChildResult r = ChildJvm.agentJarMain().run();
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.stderr().startsWith("usage: java -jar hotloop-agent.jar PID"), r::describe);
    }

    private static void awaitReady(RunningJvm target) throws InterruptedException {
        assertTrue(target.awaitOutput("stdout", "ready", WAIT), () -> target.result(-1).describe());
        assumeAttachPossible(target.pid());
    }

    /** Skips the test where the JVM's attach mechanism itself does not work on this machine. */
    private static void assumeAttachPossible(long pid) {
        try {
            VirtualMachine.attach(Long.toString(pid)).detach();
        } catch (AttachNotSupportedException | IOException | SecurityException e) {
            Assumptions.abort("this machine does not allow attaching to another JVM (" + e
                    + "); the attach tests need it");
        }
    }

    /** @return the line the target prints last, computed as it does */
    private static String expectedTotal() {
        int[] a = new int[100];
        long sum = 0;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 7 % 31;
            sum += a[i];
            max = Math.max(max, a[i]);
        }
        return "total " + sum * (AttachTargetApp.CALLS_BEFORE + AttachTargetApp.CALLS_AFTER) + " max " + max;
    }
}
