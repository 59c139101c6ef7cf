package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.KernelsApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The program's own output does not depend on the agent: same standard output, bit for bit, with
 * and without it, whatever the options; with {@code enabled=false} the agent touches nothing; and
 * without {@code --add-modules jdk.incubator.vector} it warns once and the program still runs.
 */
class ProgramOutputIT {

    private static ChildResult plain;

    @TempDir
    Path tmp;

    @BeforeAll
    static void runWithoutAgent() {
        plain = ChildJvm.app(KernelsApp.class).run();
        assertEquals(0, plain.exitCode(), plain::describe);
        assertEquals(List.of(), plain.hotloopLines(), plain::describe);
        assertEquals(5, plain.stdout().lines().count(), plain::describe);
    }

    @ParameterizedTest(name = "agent options \"{0}\"")
    @ValueSource(strings = {"", "report=off", "vectorize=false,parallel=false", "threads=1", "log=debug"})
    void sameStandardOutputWithTheAgent(String options) {
        ChildResult r = ChildJvm.app(KernelsApp.class).withAgent(options).run();
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(plain.stdout(), r.stdout(), r::describe);
        assertEquals(List.of(), r.errorLines(), r::describe);
    }

    @Test
    void enabledFalseLeavesEveryClassUntouched() throws IOException {
        Path dump = tmp.resolve("dump");
        ChildResult r = ChildJvm.app(KernelsApp.class).withAgent("enabled=false,dump=" + dump).run();
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(plain.stdout(), r.stdout(), r::describe);
        assertEquals(List.of(), r.loadLines(KernelsApp.class), r::describe);
        assertFalse(r.hasExitTable(), r::describe);
        // At most the one notice that the agent is off; nothing about any class.
        List<String> lines = r.hotloopLines();
        assertTrue(lines.size() <= 1 && lines.stream().allMatch(l -> l.contains("enabled=false")), r::describe);
        assertFalse(r.stderr().contains("bootstrap classpath has been appended"),
                () -> "the runtime was put on the boot class path" + r.describe());
        assertEquals(List.of(), files(dump), () -> "classes dumped though disabled" + r.describe());
    }

    @Test
    void withoutTheVectorModuleOneWarningAndTheProgramRuns() {
        ChildResult r = ChildJvm.app(KernelsApp.class).withAgent().withoutVectorModule().run();
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(plain.stdout(), r.stdout(), r::describe);
        List<String> warnings = r.warnLines();
        assertEquals(1, warnings.size(), r::describe);
        assertTrue(warnings.get(0).contains("jdk.incubator.vector")
                && warnings.get(0).contains("add --add-modules jdk.incubator.vector"), r::describe);
        assertEquals(List.of(), r.errorLines(), r::describe);
        // Every method is still reported and counted.
        assertEquals(KernelsMethods.ALL.size(), r.loadLines(KernelsApp.class).size(), r::describe);
        assertEquals(KernelsMethods.names(), List.copyOf(ExitTable.parse(r.stderr()).keySet()), r::describe);
        // Each keeps its real verdict, and says that it runs scalar.
        for (String line : r.loadLines(KernelsApp.class)) {
            if (line.contains("@Vectorize") || line.contains(".scale(") || line.contains(".prefix(")) {
                assertTrue(line.contains("(runs scalar: jdk.incubator.vector not resolved)"), () -> line + r.describe());
            }
        }
        String scale = r.loadLines(KernelsApp.class).get(0);
        assertTrue(scale.contains(": would be SIMD "), () -> "the real verdict is lost: " + scale);
        String prefix = r.loadLines(KernelsApp.class).stream().filter(l -> l.contains(".prefix(")).findFirst().orElseThrow();
        assertTrue(prefix.contains("depends on"), () -> "the real reason is lost: " + prefix);
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }
}
