package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hotloop.it.apps.CoverageApp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.ILine;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JaCoCo's real agent (Maven Central's runtime jar) beside Hotloop's, in both {@code -javaagent}
 * orders: every annotated loop is rewritten ({@code strict=true} would fail the program otherwise),
 * and the coverage of the original class file, line by line, is what JaCoCo alone reports.
 */
class JacocoCoexistenceIT {

    @TempDir
    Path tmp;

    @Test
    void coverageIsJacocosAloneWhicheverAgentComesFirst() throws Exception {
        List<String> alone = coverage(run("alone", false, false));
        assertTrue(alone.stream().anyMatch(l -> l.contains("FULLY_COVERED")), () -> String.join("\n", alone));
        assertTrue(alone.stream().anyMatch(l -> l.contains("NOT_COVERED")), "neverCalled is not covered: " + alone);
        assertEquals(alone, coverage(run("jacoco-first", true, true)), "JaCoCo's agent first, Hotloop's second");
        assertEquals(alone, coverage(run("hotloop-first", true, false)), "Hotloop's agent first, JaCoCo's second");
    }

    /** @return the execution data file of one run, after checking what Hotloop made of the loops */
    private Path run(String name, boolean hotloop, boolean jacocoFirst) {
        Path exec = tmp.resolve(name + ".exec");
        String jacoco = "-javaagent:" + jacocoAgent() + "=destfile=" + exec + ",includes=" + CoverageApp.class.getName();
        ChildJvm jvm = ChildJvm.app(CoverageApp.class);
        if (hotloop) {
            jvm.withAgent("strict=true");
            if (jacocoFirst) {
                jvm.agentBefore(jacoco);
            } else {
                jvm.jvmArg(jacoco);
            }
        } else {
            jvm.jvmArg(jacoco);
        }
        ChildResult r = jvm.run();
        assertEquals(0, r.exitCode(), r::describe);
        if (hotloop) {
            List<String> lines = r.loadLines(CoverageApp.class);
            assertEquals(5, lines.size(), r::describe);
            assertEquals(4, lines.stream().filter(l -> l.contains(": SIMD ")).count(), r::describe);
            assertEquals(1, lines.stream().filter(l -> l.contains("square(double[],double[])") && l.contains("parallel")).count(),
                    r::describe);
        }
        assertTrue(Files.isRegularFile(exec), r::describe);
        return exec;
    }

    /** @return per line of CoverageApp: its status and its instruction and branch counts */
    private static List<String> coverage(Path exec) throws IOException, URISyntaxException {
        ExecFileLoader data = new ExecFileLoader();
        data.load(exec.toFile());
        CoverageBuilder builder = new CoverageBuilder();
        Analyzer analyzer = new Analyzer(data.getExecutionDataStore(), builder);
        Path original = Path.of(CoverageApp.class.getResource(CoverageApp.class.getSimpleName() + ".class").toURI());
        try (InputStream in = Files.newInputStream(original)) {
            analyzer.analyzeClass(in, original.toString());
        }
        assertEquals(List.of(), new ArrayList<>(builder.getNoMatchClasses()), "execution data that does not match the class file");
        IClassCoverage c = builder.getClasses().iterator().next();
        List<String> out = new ArrayList<>();
        for (int n = c.getFirstLine(); n <= c.getLastLine(); n++) {
            ILine line = c.getLine(n);
            if (line.getInstructionCounter().getTotalCount() > 0) {
                out.add("line " + n + ": " + status(line.getStatus()) + ", instructions " + line.getInstructionCounter().getCoveredCount()
                        + "/" + line.getInstructionCounter().getTotalCount() + ", branches " + line.getBranchCounter().getCoveredCount()
                        + "/" + line.getBranchCounter().getTotalCount());
            }
        }
        return out;
    }

    private static String status(int s) {
        return s == org.jacoco.core.analysis.ICounter.FULLY_COVERED ? "FULLY_COVERED"
                : s == org.jacoco.core.analysis.ICounter.PARTLY_COVERED ? "PARTLY_COVERED" : "NOT_COVERED";
    }

    /** @return JaCoCo's runtime agent jar, which the build resolves from Maven Central */
    private static Path jacocoAgent() {
        String p = System.getProperty("jacoco.agent.jar");
        if (p == null || !Files.isRegularFile(Path.of(p))) {
            fail("JaCoCo's agent jar " + p + " not found: run the ITs with mvn verify (system property jacoco.agent.jar)");
        }
        return Path.of(p);
    }
}
