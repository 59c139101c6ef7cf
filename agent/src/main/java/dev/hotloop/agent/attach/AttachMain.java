package dev.hotloop.agent.attach;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.options.OptionsException;
import java.io.File;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * {@code java -jar hotloop-agent.jar PID [key=value,...]}: loads the agent into a running JVM,
 * through Byte Buddy's attach support (the JDK's {@code jdk.attach} module where present). The
 * options are checked here, before attaching, and the process is looked up first, so that a
 * mistake is one plain line here and nothing happens in the target.
 */
public final class AttachMain {

    private AttachMain() {
    }

    /**
     * @param args the process id, then optionally the agent options; or {@code --help}
     */
    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(usage());
            System.out.print(AgentOptions.help());
            return;
        }
        if (args.length < 1 || args.length > 2 || !args[0].matches("\\d+")) {
            System.err.println(usage());
            System.err.println("  java -jar hotloop-agent.jar --help lists the options");
            System.exit(2);
        }
        String pid = args[0];
        String options = args.length == 2 ? args[1] : null;
        try {
            AgentOptions.parse(options, new Properties(), Map.of());
        } catch (OptionsException e) {
            System.err.println("[hotloop] ERROR " + e.getMessage());
            System.exit(2);
        }
        String missing = JavaProcesses.whyNotAttachable(pid);
        if (missing != null) {
            System.err.println("[hotloop] ERROR " + missing);
            System.exit(1);
        }
        try {
            ByteBuddyAgent.attach(ownJar(), pid, options);
            System.out.println("[hotloop] attached to " + pid + "; the target JVM's standard error shows what was rewritten");
        } catch (RuntimeException e) {
            if (Boolean.FALSE.equals(AttachList.lists(pid))) {
                System.err.println("[hotloop] ERROR no Java process " + pid + " visible to attach: process " + pid
                        + " is not a JVM this user can attach to (see jps)");
            } else {
                System.err.println("[hotloop] ERROR could not attach to Java process " + pid + ": " + rootMessage(e)
                        + "; the target must run as this user and allow attach (no -XX:+DisableAttachMechanism)");
            }
            System.exit(1);
        }
    }

    private static String usage() {
        return "usage: java -jar hotloop-agent.jar PID [key=value,key=value]\n"
                + "  attaches Hotloop to the running JVM with that process id (see jps)";
    }

    /** @return the message of the innermost cause, without Byte Buddy's internal class names */
    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null || m.contains("bytebuddy") ? c.getClass().getSimpleName() : m;
    }

    private static File ownJar() {
        try {
            return new File(AttachMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the agent jar", e);
        }
    }

    /** Looks a process id up before attaching. */
    static final class JavaProcesses {
        private JavaProcesses() {
        }

        /**
         * @param pid a process id
         * @return why it cannot be attached to, or null when the process exists (a JVM started
         *     with {@code -XX:-UsePerfData} is not listed by {@code jps} but can be attached to)
         */
        static String whyNotAttachable(String pid) {
            long id;
            try {
                id = Long.parseLong(pid);
            } catch (NumberFormatException e) {
                return "no Java process " + pid;
            }
            Optional<ProcessHandle> p = ProcessHandle.of(id);
            if (p.isEmpty() || !p.get().isAlive()) {
                return "no Java process " + pid + " (no process has that id; see jps)";
            }
            return null;
        }
    }
}
