package dev.hotloop.agent;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.options.OptionsException;
import java.lang.instrument.Instrumentation;

/**
 * Entry points of the agent jar: {@code premain} for {@code -javaagent:} and {@code agentmain}
 * for attaching to a running JVM. They read the options and hand over to {@link AgentInstaller};
 * this class holds no state.
 *
 * <p>A bad option stops a JVM that is starting, with one line naming the option. The same mistake
 * on attach is reported in the target and the running program is left alone ({@code agentmain}
 * never throws: a throw would make the JVM print an assertion dump; the attaching tool checks the
 * options it sends before attaching). Any other failure prints one {@code [hotloop] ERROR} line and
 * the program runs without the agent.
 */
public final class HotloopAgent {

    private HotloopAgent() {
    }

    /**
     * @param args the agent arguments, {@code key=value,key=value}
     * @param inst the JVM's instrumentation
     */
    public static void premain(String args, Instrumentation inst) {
        AgentOptions options = readOptions(args);
        if (options == null) {
            System.exit(2);
            return;
        }
        install(options, inst, false);
    }

    /**
     * @param args the agent arguments, {@code key=value,key=value}
     * @param inst the JVM's instrumentation
     */
    public static void agentmain(String args, Instrumentation inst) {
        try {
            AgentOptions options = readOptions(args);
            if (options != null) {
                install(options, inst, true);
            }
        } catch (Throwable t) {
            System.err.println("[hotloop] ERROR could not attach (hotloop " + AgentVersion.get() + "): " + t
                    + "; the program runs without Hotloop");
        }
    }

    private static AgentOptions readOptions(String args) {
        try {
            return AgentOptions.fromEnvironment(args);
        } catch (OptionsException e) {
            System.err.println("[hotloop] ERROR " + e.getMessage());
            return null;
        }
    }

    private static void install(AgentOptions options, Instrumentation inst, boolean attached) {
        try {
            AgentInstaller.install(options, inst, attached);
        } catch (Throwable t) {
            System.err.println("[hotloop] ERROR could not start (hotloop " + AgentVersion.get() + "): " + t
                    + "; the program runs without Hotloop");
        }
    }
}
