package dev.hotloop.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentArgLineTest {

    private static final Path JAR = Path.of("/repo/dev/hotloop/hotloop-agent/0.1.0/hotloop-agent-0.1.0.jar");

    @Test
    void agentThenIncubatorModule() {
        String line = AgentArgLine.of(JAR, "strict=true,report=/p/target/hotloop/r.json");
        assertEquals("-javaagent:" + JAR + "=strict=true,report=/p/target/hotloop/r.json"
                + " --add-modules jdk.incubator.vector", line);
        assertEquals(List.of("-javaagent:" + JAR + "=strict=true,report=/p/target/hotloop/r.json",
                "--add-modules", "jdk.incubator.vector"), split(line));
    }

    @Test
    void noOptionsNoEqualsSign() {
        assertEquals("-javaagent:" + JAR + " --add-modules jdk.incubator.vector", AgentArgLine.of(JAR, ""));
    }

    @Test
    void pathsWithSpacesStayOneArgument() {
        Path jar = Path.of("/home/a user/.m2/hotloop-agent.jar");
        String line = AgentArgLine.of(jar, "report=/my project/target/hotloop/r.json");
        assertEquals(List.of("-javaagent:/home/a user/.m2/hotloop-agent.jar=report=/my project/target/hotloop/r.json",
                "--add-modules", "jdk.incubator.vector"), split(line));
        assertEquals('"', line.charAt(0));
    }

    @Test
    void doubleQuoteInAPathIsSingleQuoted() {
        assertEquals("'-javaagent:/x/a\"b.jar'", AgentArgLine.quote("-javaagent:/x/a\"b.jar"));
        assertEquals("\"-javaagent:/x/it's.jar\"", AgentArgLine.quote("-javaagent:/x/it's.jar"));
        assertThrows(IllegalArgumentException.class, () -> AgentArgLine.quote("/a'b\"c"));
    }

    @Test
    void anEqualsSignInTheJarPathIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentArgLine.of(Path.of("/a=b/hotloop-agent.jar"), ""));
        assertTrue(e.getMessage().contains("'='"), e.getMessage());
    }

    @Test
    void appendsAfterAnExistingValue() {
        String ours = AgentArgLine.of(JAR, "");
        assertEquals(ours, AgentArgLine.append(null, ours));
        assertEquals(ours, AgentArgLine.append("  ", ours));
        assertEquals("-Xmx256m " + ours, AgentArgLine.append("-Xmx256m ", ours));
    }

    @Test
    void jacocoFirstThenHotloop() {
        String jacoco = "-javaagent:/r/org.jacoco.agent-0.8.14-runtime.jar=destfile=/p/target/jacoco.exec";
        String ours = AgentArgLine.of(JAR, "");
        List<String> args = split(AgentArgLine.append(jacoco, ours));
        assertEquals(jacoco, args.get(0));
        assertEquals("-javaagent:" + JAR, args.get(1));
    }

    @Test
    void lateReplacementPlaceholdersAreKept() {
        String ours = AgentArgLine.of(JAR, "");
        assertEquals("@{jacocoArgLine} -ea " + ours, AgentArgLine.append("@{jacocoArgLine} -ea", ours));
    }

    @Test
    void runningTwiceAddsTheAgentOnce() {
        String ours = AgentArgLine.of(JAR, "strict=true");
        String once = AgentArgLine.append("-ea", ours);
        assertEquals(once, AgentArgLine.append(once, ours));
    }

    /** Splits an argLine as Surefire does: white space outside quotes separates; quotes go. */
    static List<String> split(String argLine) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (char c : argLine.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }
}
