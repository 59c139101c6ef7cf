package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.KernelsApp;
import dev.hotloop.it.apps.PlainApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent loads at start-up, read from {@code -Xlog:class+load}: for a program without
 * annotations, only the options, the filter and the reporting shell; no ASM, no Byte Buddy, none
 * of the analysis, planning and instrumentation stages, no runtime on the boot class path, and no
 * lambda (whose first use bootstraps {@code java.lang.invoke}). scripts/startup-overhead.sh
 * measures what that costs.
 */
class StartupFootprintIT {

    /** Packages a program without annotations must never make the agent load. */
    private static final List<String> REWRITING = List.of("dev.hotloop.shaded.", "dev.hotloop.agent.analysis.",
            "dev.hotloop.agent.plan.", "dev.hotloop.agent.instrument.", "dev.hotloop.agent.transform.ClassRewriter",
            "dev.hotloop.runtime.");

    @TempDir
    Path tmp;

    @Test
    void programWithoutAnnotationsLoadsNoRewritingStage() throws IOException {
        Loaded plain = run(ChildJvm.app(PlainApp.class).withAgent().withoutAnnotations(), PlainApp.class);
        List<String> rewriting = plain.classes.stream().filter(c -> REWRITING.stream().anyMatch(c::startsWith))
                .collect(Collectors.toList());
        assertEquals(List.of(), rewriting, plain.run::describe);
        assertFalse(plain.run.stderr().contains("bootstrap classpath has been appended"), plain.run::describe);
    }

    /**
     * With the annotations on the class path, annotated classes can come: the prewarm thread
     * loads and runs the rewriting stages at start, on kernels of its own that nothing sees (no
     * line, no report entry), so that the first annotated class does not pay for it.
     */
    @Test
    void annotationsOnTheClassPathPrewarmTheRewritingStagesUnseen() throws IOException {
        Loaded plain = run(ChildJvm.app(PlainApp.class, "3000").withAgent("log=debug"), PlainApp.class);
        assertTrue(plain.classes.contains("dev.hotloop.agent.transform.ClassRewriter"), plain.run::describe);
        assertTrue(plain.classes.stream().anyMatch(c -> c.startsWith("dev.hotloop.agent.vector.")), plain.run::describe);
        assertFalse(plain.run.stderr().contains("PrewarmKernels"), plain.run::describe);
        assertFalse(plain.run.stderr().contains("bootstrap classpath has been appended"), plain.run::describe);
        assertFalse(plain.classes.contains("dev.hotloop.agent.transform.PrewarmKernels"), "read as bytes, never loaded" + plain.run.describe());
        // Loaded from the agent jar by StageClasses, package by package: no rewrite needs this one.
        assertTrue(plain.classes.contains("dev.hotloop.shaded.asm.tree.ModuleExportNode"), plain.run::describe);
        assertFalse(plain.classes.stream().anyMatch(c -> c.startsWith("dev.hotloop.runtime.")), "the bootstrap loader's" + plain.run.describe());
    }

    @Test
    void premainSpinsNoLambda() throws IOException {
        Loaded plain = run(PlainApp.class);
        List<String> lambdas = plain.classes.stream().filter(c -> c.startsWith("dev.hotloop.") && c.contains("$$Lambda"))
                .collect(Collectors.toList());
        assertEquals(List.of(), lambdas, plain.run::describe);
    }

    /**
     * The transform runs interpreted on the loading thread, where linking a lambda or a record's
     * generated equals/hashCode (java.lang.runtime.ObjectMethods) cost about half a millisecond
     * each and 20 ms for the first: the first class's transform took twice as long. The stages
     * loop instead, and records on the transform path spell their methods out.
     */
    @Test
    void transformLinksNoLambdaAndNoRecordMethod() throws IOException {
        Loaded kernels = run(KernelsApp.class, "cache=off");
        List<String> linked = kernels.classes.stream()
                .filter(c -> c.matches("dev\\.hotloop\\.agent\\.(analysis|plan|vector|parallel|transform|instrument|cache|filter)\\..*\\$\\$Lambda.*")
                        || c.equals("java.lang.runtime.ObjectMethods"))
                .collect(Collectors.toList());
        assertEquals(List.of(), linked, kernels.run::describe);
    }

    @Test
    void annotatedProgramDoesLoadTheRewritingStages() throws IOException {
        // The control: the same log does show the stages once there is something to rewrite.
        Loaded kernels = run(KernelsApp.class);
        assertTrue(kernels.classes.stream().anyMatch(c -> c.startsWith("dev.hotloop.shaded.asm.")), kernels.run::describe);
        assertTrue(kernels.classes.contains("dev.hotloop.agent.transform.ClassRewriter"), kernels.run::describe);
    }

    private record Loaded(ChildResult run, List<String> classes) {
    }

    private Loaded run(Class<?> app) throws IOException {
        return run(app, null);
    }

    private Loaded run(Class<?> app, String options) throws IOException {
        return run(options == null ? ChildJvm.app(app).withAgent() : ChildJvm.app(app).withAgent(options), app);
    }

    private Loaded run(ChildJvm jvm, Class<?> app) throws IOException {
        Path log = tmp.resolve(app.getSimpleName() + "-" + System.nanoTime() + "-classes.log");
        ChildResult r = jvm.jvmArg("-Xlog:class+load=info:file=" + log).run();
        assertEquals(0, r.exitCode(), r::describe);
        // "[0.012s][info][class,load] java.lang.Object source: shared objects file": the name follows the decorations.
        List<String> classes = Files.readAllLines(log).stream().map(l -> l.split(" ")).filter(f -> f.length > 1)
                .map(f -> f[1]).collect(Collectors.toList());
        assertTrue(classes.contains("dev.hotloop.agent.HotloopAgent") && classes.contains(app.getName()),
                () -> "the class-load log shows neither the agent nor the app" + r.describe());
        return new Loaded(r, classes);
    }
}
