package dev.hotloop.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.ReportTarget;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrepareAgentMojoTest {

    private static final File JAR = new File("/repo/hotloop-agent-0.1.0.jar");
    private PrepareAgentMojo mojo;
    private final List<String> logged = new ArrayList<>();

    @BeforeEach
    void mojo() {
        mojo = new PrepareAgentMojo();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                logged.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                logged.add("WARN " + content);
            }
        });
        mojo.project = new MavenProject();
        Artifact agent = new DefaultArtifact("dev.hotloop", "hotloop-agent", "0.1.0", "runtime", "jar", null,
                new DefaultArtifactHandler("jar"));
        agent.setFile(JAR);
        mojo.pluginArtifactMap = Map.of(PrepareAgentMojo.AGENT_ARTIFACT, agent);
        mojo.propertyName = "argLine";
        mojo.report = "/p/target/hotloop/hotloop-report.json";
        mojo.htmlReport = "/p/target/hotloop/hotloop-report.html";
    }

    @Test
    void setsArgLineWithTheReportsAndOnlyTheOptionsGiven() throws Exception {
        mojo.strict = true;
        mojo.threads = 2;
        mojo.execute();
        assertEquals(List.of("hotloop: argLine set to " + mojo.project.getProperties().getProperty("argLine")), logged);
        assertEquals("-javaagent:" + JAR + "=strict=true,threads=2,report=/p/target/hotloop/hotloop-report.json"
                + ReportTarget.SEPARATOR + "/p/target/hotloop/hotloop-report.html --add-modules jdk.incubator.vector",
                mojo.project.getProperties().getProperty("argLine"));
    }

    @Test
    void appendsToTheNamedProperty() throws Exception {
        mojo.propertyName = "testArgs";
        mojo.project.getProperties().setProperty("testArgs", "-Xmx1g");
        mojo.htmlReport = "off";
        mojo.execute();
        assertEquals("-Xmx1g -javaagent:" + JAR + "=report=/p/target/hotloop/hotloop-report.json"
                + " --add-modules jdk.incubator.vector", mojo.project.getProperties().getProperty("testArgs"));
        assertFalse(mojo.project.getProperties().containsKey("argLine"));
    }

    @Test
    void jacocoFirstNeedsNoWarning() throws Exception {
        // the agent keeps JaCoCo's probes exact in rewritten loops, in either -javaagent order
        mojo.project.getProperties().setProperty("argLine", "-javaagent:/r/org/jacoco/org.jacoco.agent/0.8.14/"
                + "org.jacoco.agent-0.8.14-runtime.jar=destfile=/p/target/jacoco.exec");
        mojo.execute();
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).startsWith("hotloop: argLine set to -javaagent:/r/org/jacoco/"), logged.toString());
    }

    @Test
    void reportOffMeansNoHtmlEither() throws Exception {
        mojo.report = "off";
        assertEquals("report=off", mojo.agentOptions());
    }

    @Test
    void skipLeavesAValueAndSetsAnAbsentOneEmpty() throws Exception {
        mojo.skip = true;
        mojo.execute();
        assertEquals("", mojo.project.getProperties().getProperty("argLine"));
        mojo.project.getProperties().setProperty("argLine", "-ea");
        mojo.execute();
        assertEquals("-ea", mojo.project.getProperties().getProperty("argLine"));
    }

    @Test
    void freeFormOptionsComeLastAndAreChecked() throws Exception {
        mojo.options = "log=debug";
        assertTrue(mojo.agentOptions().endsWith(",log=debug"), mojo.agentOptions());
        mojo.options = "treads=4";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::agentOptions);
        assertTrue(e.getMessage().startsWith("hotloop: agent option 'treads' unknown; known options: "), e.getMessage());
    }

    @Test
    void aCommaInAValueIsRefused() {
        mojo.report = "/p/a,b/r.json";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::agentOptions);
        assertTrue(e.getMessage().contains("holds a comma"), e.getMessage());
    }

    @Test
    void aBadValueFailsTheGoalWithTheAgentsMessage() {
        mojo.log = "loud";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::agentOptions);
        assertTrue(e.getMessage().startsWith("hotloop: bad value 'loud' for agent option 'log'"), e.getMessage());
    }

    @Test
    void theClusterIsAnOptionLikeTheOthersAndChecked() throws Exception {
        mojo.cluster = "spark://127.0.0.1:7077";
        assertTrue(mojo.agentOptions().contains("cluster=spark://127.0.0.1:7077"), mojo.agentOptions());
        mojo.cluster = "http://nope";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::agentOptions);
        assertTrue(e.getMessage().contains("cluster"), e.getMessage());
    }
}
