package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.KernelsApp;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Options from the three sources, as a user meets them: a bad key or value stops the JVM before
 * the program runs, with one {@code [hotloop] ERROR} line that names it; and a key set in several
 * places takes the agent argument's value, else the system property's, else the environment's.
 */
class OptionsIT {

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("unknown key", child().withAgent("bogus=1"), List.of("'bogus'", "agent option")),
                Arguments.of("bad threads", child().withAgent("threads=0"), List.of("'0'", "'threads'")),
                Arguments.of("not key=value", child().withAgent("strict"), List.of("'strict'", "key=value")),
                Arguments.of("bad report", child().withAgent("report=out.txt"), List.of("'out.txt'", "'report'")),
                Arguments.of("bad log property", child().withAgent().jvmArg("-Dhotloop.log=loud"),
                        List.of("'loud'", "-Dhotloop.log")),
                Arguments.of("unknown property", child().withAgent().jvmArg("-Dhotloop.treads=2"),
                        List.of("'treads'", "-Dhotloop.treads")),
                Arguments.of("bad strict env", child().withAgent().env("HOTLOOP_STRICT", "maybe"),
                        List.of("'maybe'", "HOTLOOP_STRICT")),
                Arguments.of("unwritable dump", child().withAgent("dump=/proc/nope"), List.of("'/proc/nope'", "'dump'")),
                Arguments.of("bad enabled env", child().withAgent("log=info").env("HOTLOOP_ENABLED", "yes"),
                        List.of("'yes'", "HOTLOOP_ENABLED")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void badOptionStopsTheJvmWithOneLineNamingIt(String what, ChildJvm jvm, List<String> named) {
        ChildResult r = jvm.run();
        assertNotEquals(0, r.exitCode(), r::describe);
        assertEquals("", r.stdout(), () -> "the program ran" + r.describe());
        List<String> errors = r.errorLines();
        assertEquals(1, errors.size(), r::describe);
        for (String n : named) {
            assertTrue(errors.get(0).contains(n), () -> "the error line does not name " + n + r.describe());
        }
        assertEquals(errors, r.hotloopLines(), r::describe);
        assertTrue(r.stderr().lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")),
                () -> "a stack trace" + r.describe());
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                Arguments.of("agent log=info beats -D log=off", true,
                        child().withAgent("log=info").jvmArg("-Dhotloop.log=off")),
                Arguments.of("agent log=off beats -D log=info", false,
                        child().withAgent("log=off").jvmArg("-Dhotloop.log=info")),
                Arguments.of("-D log=info beats env log=off", true,
                        child().withAgent().jvmArg("-Dhotloop.log=info").env("HOTLOOP_LOG", "off")),
                Arguments.of("-D log=off beats env log=info", false,
                        child().withAgent().jvmArg("-Dhotloop.log=off").env("HOTLOOP_LOG", "info")),
                Arguments.of("agent log=info beats env log=off", true,
                        child().withAgent("log=info").env("HOTLOOP_LOG", "off")),
                Arguments.of("env log=off alone", false,
                        child().withAgent().env("HOTLOOP_LOG", "off")),
                Arguments.of("-D enabled=false beats env enabled=true", false,
                        child().withAgent().jvmArg("-Dhotloop.enabled=false").env("HOTLOOP_ENABLED", "true")),
                Arguments.of("agent enabled=true beats -D enabled=false", true,
                        child().withAgent("enabled=true").jvmArg("-Dhotloop.enabled=false")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void agentArgumentsBeatPropertiesBeatEnvironment(String what, boolean loadLines, ChildJvm jvm) {
        ChildResult r = jvm.run();
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(loadLines ? KernelsMethods.ALL.size() : 0, r.loadLines(KernelsApp.class).size(), r::describe);
        assertEquals(List.of(), r.errorLines(), r::describe);
    }

    @org.junit.jupiter.api.Test
    void unknownHotloopEnvironmentVariableWarnsOnceAndTheProgramRuns() {
        ChildResult r = child().withAgent("log=warn").env("HOTLOOP_HOME", "/opt/hotloop").run();
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(List.of(), r.errorLines(), r::describe);
        List<String> warns = r.warnLines().stream().filter(l -> l.contains("HOTLOOP_HOME")).toList();
        assertEquals(1, warns.size(), r::describe);
        assertTrue(warns.get(0).contains("is not a Hotloop option and is ignored"), r::describe);
    }

    private static ChildJvm child() {
        return ChildJvm.app(KernelsApp.class);
    }
}
