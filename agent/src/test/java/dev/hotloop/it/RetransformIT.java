package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.JUnitRunApp;
import dev.hotloop.it.apps.Retransformed;
import dev.hotloop.it.apps.RetransformApp;
import dev.hotloop.it.apps.RetransformingAgent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another agent that retransforms a class Hotloop rewrote (a profiler, an APM agent): the
 * retransformation succeeds, Hotloop's rewrite stays, and the results are the same. Hotloop
 * started with {@code -javaagent} and attached to the running JVM alike; the second agent is a
 * real one, from a jar of its own.
 */
class RetransformIT {

    private static final String SCENARIO = "dev.hotloop.it.apps.MockitoScenario";

    @TempDir
    Path tmp;

    @Test
    void aSecondAgentRetransformsAClassHotloopRewroteAtStart() throws IOException {
        ChildResult r = ChildJvm.app(RetransformApp.class).withAgent("log=info")
                .jvmArg("-javaagent:" + secondAgentJar()).run();
        assertRewrittenAndSame(r);
    }

    @Test
    void aSecondAgentRetransformsAClassLoadedAfterHotloopWasAttached() throws IOException {
        ChildResult r = ChildJvm.app(RetransformApp.class, "attach", ChildJvm.agentJar().toString(), "log=info")
                .jvmArg("-Djdk.attach.allowAttachSelf=true").jvmArg("-javaagent:" + secondAgentJar()).run();
        assertRewrittenAndSame(r);
    }

    /**
     * A JUnit 5 run in a JVM with the agent, as Surefire's argLine gives it, whose tests mock and
     * spy on the rewritten class with Mockito's inline mock maker (Mockito as its own
     * {@code -javaagent}, as Mockito documents for JDK 21 and later).
     */
    @Test
    void mockitoMocksAndSpiesOnARewrittenClassInAJUnitRun() throws Exception {
        assertMockitoScenarioPasses(ChildJvm.app(JUnitRunApp.class, SCENARIO).withAgent("log=info"));
    }

    /** The same, with Hotloop attached to the JVM before the tests run. */
    @Test
    void mockitoMocksAndSpiesOnAClassRewrittenAfterHotloopWasAttached() throws Exception {
        assertMockitoScenarioPasses(ChildJvm.app(JUnitRunApp.class, SCENARIO, "attach", ChildJvm.agentJar().toString(), "log=info")
                .jvmArg("-Djdk.attach.allowAttachSelf=true"));
    }

    private static void assertMockitoScenarioPasses(ChildJvm jvm) throws Exception {
        jvm.jvmArg("-javaagent:" + ChildJvm.codeSource(Class.forName("org.mockito.Mockito")));
        for (String c : List.of("org.mockito.Mockito", "net.bytebuddy.ByteBuddy", "net.bytebuddy.agent.ByteBuddyAgent",
                "org.objenesis.Objenesis", "org.junit.jupiter.api.Test", "org.junit.jupiter.engine.JupiterTestEngine",
                "org.junit.platform.engine.TestEngine", "org.junit.platform.commons.JUnitException",
                "org.junit.platform.launcher.Launcher", "org.opentest4j.AssertionFailedError", "org.apiguardian.api.API")) {
            jvm.classpathFirst(ChildJvm.codeSource(Class.forName(c)));
        }
        ChildResult r = jvm.run();
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("tests 3 failed 0", r.stdout().lines().findFirst().orElse(""), r::describe);
        List<String> load = r.loadLines(Retransformed.class);
        assertEquals(2, load.size(), r::describe);
        assertTrue(load.get(0).contains("parallel loop over i"), r::describe);
        assertTrue(load.get(1).contains("SIMD float"), r::describe);
        assertEquals(List.of(), r.errorLines(), r::describe);
    }

    private static void assertRewrittenAndSame(ChildResult r) {
        assertEquals(0, r.exitCode(), r::describe);
        List<String> out = r.stdout().lines().toList();
        assertEquals(4, out.size(), r::describe);
        String results = out.get(0).substring("before ".length());
        assertEquals("after " + results, out.get(1), r::describe);
        assertEquals("again " + results, out.get(2), r::describe);
        assertEquals("retransformed 2", out.get(3), r::describe);
        List<String> load = r.loadLines(Retransformed.class);
        assertEquals(2, load.size(), r::describe); // reported once, when loaded: a retransformation says nothing new
        assertTrue(load.get(0).contains("parallel loop over i"), r::describe);
        assertTrue(load.get(1).contains("SIMD float"), r::describe);
        assertEquals(List.of(), r.errorLines(), r::describe);
        assertEquals(List.of(), r.warnLines(), r::describe);
    }

    /** @return a jar whose manifest makes {@link RetransformingAgent} an agent; its class comes from the class path */
    private Path secondAgentJar() throws IOException {
        Path jar = tmp.resolve("second-agent.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Premain-Class", RetransformingAgent.class.getName());
        m.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
            j.flush();
        }
        return jar;
    }
}
