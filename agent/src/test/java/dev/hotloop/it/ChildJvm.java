package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.hotloop.Vectorize;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JVM started for one end-to-end test: the {@code java} of the test JVM, the real agent jar,
 * and a class path of the test classes (the target apps) and the annotations, never the agent's
 * own classes. {@link RunningJvm} waits for it, at most {@link #TIMEOUT}.
 */
final class ChildJvm {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String mainClass;
    private final List<String> args;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> agentsBefore = new ArrayList<>();
    private final List<Path> classpathFirst = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private boolean agent;
    private String agentOptions;
    private boolean vectorModule = true;
    private boolean annotations = true;

    private ChildJvm(String mainClass, List<String> args) {
        this.mainClass = mainClass;
        this.args = args;
    }

    /**
     * @param main the target app's main class, from {@code dev.hotloop.it.apps}
     * @param args its arguments
     * @return a JVM that runs it, with {@code --add-modules jdk.incubator.vector} and no agent
     */
    static ChildJvm app(Class<?> main, String... args) {
        return new ChildJvm(main.getName(), List.of(args));
    }

    /**
     * @param args the arguments of the agent jar's main class, the attach tool
     * @return a JVM that runs {@code java -jar hotloop-agent.jar args}
     */
    static ChildJvm agentJarMain(String... args) {
        ChildJvm jvm = new ChildJvm(null, List.of(args));
        jvm.vectorModule = false;
        return jvm;
    }

    /** @return this, with {@code -javaagent:hotloop-agent.jar} and no options */
    ChildJvm withAgent() {
        agent = true;
        agentOptions = null;
        return this;
    }

    /**
     * @param options the agent argument string, {@code key=value,key=value}
     * @return this, with {@code -javaagent:hotloop-agent.jar=options}
     */
    ChildJvm withAgent(String options) {
        agent = true;
        agentOptions = options;
        return this;
    }

    /**
     * @param javaagent another agent's {@code -javaagent:...} option, put before Hotloop's (where
     *                  {@link #jvmArg} puts options after it)
     * @return this
     */
    ChildJvm agentBefore(String javaagent) {
        agentsBefore.add(javaagent);
        return this;
    }

    /** @return this, without the annotations' jar on the class path (a program that uses none) */
    ChildJvm withoutAnnotations() {
        annotations = false;
        return this;
    }

    /** @return this, without {@code --add-modules jdk.incubator.vector} */
    ChildJvm withoutVectorModule() {
        vectorModule = false;
        return this;
    }

    /**
     * @param arg a JVM option such as {@code -Dhotloop.log=off}
     * @return this
     */
    ChildJvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    /**
     * @param name  an environment variable
     * @param value its value
     * @return this
     */
    ChildJvm env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /**
     * @param entry a directory or jar to put ahead of the apps on the class path
     * @return this
     */
    ChildJvm classpathFirst(Path entry) {
        classpathFirst.add(entry);
        return this;
    }

    /** @return the whole command line */
    List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(agentsBefore);
        if (agent) {
            cmd.add("-javaagent:" + agentJar() + (agentOptions == null || agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        if (vectorModule) {
            cmd.add("--add-modules");
            cmd.add("jdk.incubator.vector");
        }
        cmd.addAll(jvmArgs);
        if (mainClass == null) {
            cmd.add("-jar");
            cmd.add(agentJar().toString());
        } else {
            cmd.add("-cp");
            cmd.add(classpath());
            cmd.add(mainClass);
        }
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs the JVM to the end.
     *
     * @return what it printed and its exit status; fails the test when it runs past the timeout
     */
    ChildResult run() {
        return start().await();
    }

    /** @return the JVM, running; the caller must {@link RunningJvm#await()} or {@link RunningJvm#kill()} it */
    RunningJvm start() {
        List<String> cmd = command();
        try {
            Path dir = Files.createTempDirectory("hotloop-it-child-");
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectOutput(dir.resolve("stdout").toFile())
                    .redirectError(dir.resolve("stderr").toFile());
            // Hermetic: no option of the developer's shell leaks into the child.
            pb.environment().keySet().removeIf(k -> k.startsWith("HOTLOOP_") || k.equals("JAVA_TOOL_OPTIONS")
                    || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS"));
            // Never the developer's ~/.cache/hotloop: a test that wants the cache says where (the
            // environment is the weakest source, so cache= in the agent options or -D wins).
            pb.environment().put("HOTLOOP_CACHE", "off");
            pb.environment().putAll(env);
            return new RunningJvm(cmd, env, pb.start(), dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", cmd), e);
        }
    }

    /** @return the {@code java} launcher of the JVM that runs the tests */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** @return the shaded agent jar the build just packaged */
    static Path agentJar() {
        String p = System.getProperty("hotloop.agent.jar");
        // Without the property (a run from an IDE): the jar beside target/test-classes.
        Path jar = p != null ? Path.of(p) : codeSource(ChildJvm.class).getParent().resolve("hotloop-agent.jar");
        if (!Files.isRegularFile(jar)) {
            fail("agent jar " + jar.toAbsolutePath() + " not found: run the ITs with mvn verify, which packages it"
                    + " and passes its path as -Dhotloop.agent.jar");
        }
        return jar.toAbsolutePath();
    }

    /**
     * The child's class path: what the parent's class path holds for the target apps (the test
     * classes) and for the annotations. The agent's own classes are left out: the child must see
     * them only through {@code -javaagent}.
     */
    private String classpath() {
        List<String> cp = new ArrayList<>();
        classpathFirst.forEach(p -> cp.add(p.toString()));
        cp.add(codeSource(ChildJvm.class).toString());
        if (annotations) {
            cp.add(codeSource(Vectorize.class).toString());
        }
        return String.join(File.pathSeparator, cp);
    }

    /**
     * @param c a class
     * @return the directory or jar it was loaded from
     */
    static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
        }
    }
}
