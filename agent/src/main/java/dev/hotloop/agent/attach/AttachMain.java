package dev.hotloop.agent.attach;

import java.io.File;
import java.net.URISyntaxException;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * {@code java -jar hotloop-agent.jar PID [key=value,...]}: loads the agent into a running JVM,
 * through Byte Buddy's attach support (the JDK's {@code jdk.attach} module where present).
 */
public final class AttachMain {

    private AttachMain() {
    }

    /**
     * @param args the process id, then optionally the agent options
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || !args[0].matches("\\d+")) {
            System.err.println("usage: java -jar hotloop-agent.jar PID [key=value,key=value]");
            System.err.println("  attaches Hotloop to the running JVM with that process id (see jps)");
            System.exit(2);
        }
        File jar = ownJar();
        try {
            ByteBuddyAgent.attach(jar, args[0], args.length == 2 ? args[1] : null);
            System.out.println("[hotloop] attached to " + args[0] + "; the target JVM's standard error shows what was rewritten");
        } catch (RuntimeException e) {
            System.err.println("[hotloop] ERROR could not attach to " + args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static File ownJar() {
        try {
            return new File(AttachMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the agent jar", e);
        }
    }
}
