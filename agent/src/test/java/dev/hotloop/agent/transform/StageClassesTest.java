package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which classes of the agent jar are loaded ahead, and in which order. */
class StageClassesTest {

    @TempDir
    Path dir;

    @Test
    void theStagesPackagesInTheOrderARewriteNeedsThemAndNothingElse() throws IOException {
        Path jar = dir.resolve("agent.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String e : new String[] {
                "dev/hotloop/agent/vector/Legality.class",
                "dev/hotloop/runtime/tier/TierState.class", // the bootstrap loader's: never loaded by the agent's
                "dev/hotloop/agent/analysis/Loop.class",
                "dev/hotloop/shaded/asm/tree/analysis/Analyzer.class",
                "dev/hotloop/shaded/asm/tree/ClassNode.class",
                "dev/hotloop/shaded/bytebuddy/agent/ByteBuddyAgent.class", // attach only
                "dev/hotloop/shaded/asm/ClassReader.class",
                "dev/hotloop/shaded/asm/commons/Remapper.class", // not used by a rewrite
                "dev/hotloop/agent/vector/package-info.class",
                "dev/hotloop/agent/report/ExitReport.class",
                "dev/hotloop/agent/vector/Legality$Rule.class",
                "dev/hotloop/agent/plan/Planner.class",
                "dev/hotloop/agent/vector/notes.txt"}) {
                out.putNextEntry(new JarEntry(e));
                out.closeEntry();
            }
        }
        assertEquals(List.of(
                "dev.hotloop.shaded.asm.ClassReader",
                "dev.hotloop.shaded.asm.tree.ClassNode",
                "dev.hotloop.agent.analysis.Loop",
                "dev.hotloop.shaded.asm.tree.analysis.Analyzer",
                "dev.hotloop.agent.plan.Planner",
                "dev.hotloop.agent.vector.Legality",
                "dev.hotloop.agent.vector.Legality$Rule"), StageClasses.names(jar));
    }

    @Test
    void nothingIsLoadedWhenTheAgentIsNotAJar() throws IOException {
        assertEquals(0, StageClasses.load(StageClasses.class), "tests read the agent from target/classes");
    }
}
