package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.KernelsApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of rewritten classes end to end: the same program run twice with {@code cache=DIR}.
 * The second run prints the same output and the same load-time lines (transform times included:
 * they are the first run's), counts its calls in the exit table, and loads no rewriting stage.
 */
class CacheIT {

    /** What a run served from the cache must not load (as StartupFootprintIT, minus the runtime it does need). */
    private static final List<String> REWRITING = List.of("dev.hotloop.shaded.", "dev.hotloop.agent.analysis.",
            "dev.hotloop.agent.plan.", "dev.hotloop.agent.instrument.", "dev.hotloop.agent.vector.",
            "dev.hotloop.agent.parallel.", "dev.hotloop.agent.transform.ClassRewriter");

    @TempDir
    Path tmp;

    private record Run(ChildResult result, List<String> classes) {
    }

    private Run run(Path cache, String name, String... jvmArgs) throws IOException {
        Path log = tmp.resolve(name + "-classes.log");
        ChildJvm jvm = ChildJvm.app(KernelsApp.class).withAgent("cache=" + cache).jvmArg("-Xlog:class+load=info:file=" + log);
        for (String a : jvmArgs) {
            jvm = jvm.jvmArg(a);
        }
        ChildResult r = jvm.run();
        assertEquals(0, r.exitCode(), r::describe);
        List<String> classes;
        try (Stream<String> lines = Files.lines(log)) {
            classes = lines.map(l -> l.split(" ")).filter(f -> f.length > 1).map(f -> f[1]).collect(Collectors.toList());
        }
        return new Run(r, classes);
    }

    private static Map<String, Long> calls(Run run) {
        Map<String, Long> out = new LinkedHashMap<>();
        ExitTable.parse(run.result.stderr()).forEach((m, row) -> out.put(m, row.calls()));
        return out;
    }

    private static List<String> rewriting(Run run) {
        return run.classes.stream().filter(c -> REWRITING.stream().anyMatch(c::startsWith)).collect(Collectors.toList());
    }

    @Test
    void secondRunReplaysTheFirstWithoutLoadingAnyRewritingStage() throws IOException {
        Path cache = tmp.resolve("cache");
        Run first = run(cache, "first");
        Run second = run(cache, "second");

        assertFalse(rewriting(first).isEmpty(), "control: the first run does rewrite" + first.result.describe());
        assertEquals(List.of(), rewriting(second), second.result::describe);
        assertTrue(second.classes.contains("dev.hotloop.agent.cache.ClassCache"), second.result::describe);

        assertEquals(first.result.stdout(), second.result.stdout());
        List<String> lines = first.result.loadLines(KernelsApp.class);
        assertEquals(KernelsMethods.ALL.size(), lines.size(), first.result::describe);
        assertEquals(lines, second.result.loadLines(KernelsApp.class), second.result::describe);
        assertEquals(List.of(), second.result.warnLines(), second.result::describe);
        assertEquals(List.of(), second.result.errorLines(), second.result::describe);
        assertEquals(calls(first), calls(second), "timing ids patched in: the exit table counts the same calls");
        assertEquals(KernelsApp.DOT_CALLS, (long) calls(second).get("dev.hotloop.it.apps.KernelsApp.dot(float[],float[])"),
                second.result::describe);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
    }

    /** Vectors of another width (another machine, or -XX:MaxVectorSize) never replay the entries made for these. */
    @Test
    void aJvmWithNarrowerVectorsRewritesAfreshAndKeepsItsOwnEntries() throws IOException {
        Path cache = tmp.resolve("cache");
        Run wide = run(cache, "wide");
        Run narrow = run(cache, "narrow", "-XX:MaxVectorSize=16");
        Run narrowAgain = run(cache, "narrow-again", "-XX:MaxVectorSize=16");

        assertFalse(rewriting(narrow).isEmpty(), "no entry of the wide run replayed: " + narrow.result.describe());
        assertTrue(String.join("\n", narrow.result.loadLines(KernelsApp.class)).contains("x4"),
                "128-bit vectors: four float lanes " + narrow.result.describe());
        assertFalse(String.join("\n", wide.result.loadLines(KernelsApp.class)).equals(
                String.join("\n", narrow.result.loadLines(KernelsApp.class))), "the two widths give other lanes");
        assertEquals(List.of(), rewriting(narrowAgain), "the narrow run's own entries replay: " + narrowAgain.result.describe());
        assertEquals(narrow.result.loadLines(KernelsApp.class), narrowAgain.result.loadLines(KernelsApp.class));
        assertEquals(wide.result.stdout(), narrow.result.stdout(), "the same results at every width");
    }

    @Test
    void aDirectoryOthersCanWriteIsRefusedWithOneWarningAndTheProgramRunsAsUsual() throws IOException {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Run run = run(shared, "shared");
        List<String> warnings = run.result.warnLines();
        assertEquals(1, warnings.size(), run.result::describe);
        assertTrue(warnings.get(0).contains("class cache off") && warnings.get(0).contains("chmod go-w"), warnings.get(0));
        assertEquals(KernelsMethods.ALL.size(), run.result.loadLines(KernelsApp.class).size(), run.result::describe);
        try (Stream<Path> files = Files.list(shared)) {
            assertEquals(0, files.count(), "nothing written to a refused directory");
        }
    }
}
