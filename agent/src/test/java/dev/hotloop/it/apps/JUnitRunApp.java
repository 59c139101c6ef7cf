package dev.hotloop.it.apps;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.tools.attach.VirtualMachine;
import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one JUnit 5 test class, as a build's test runner does, in a JVM the IT starts with the
 * agent (or, with {@code attach JAR OPTIONS}, that attaches the agent to itself first, as
 * {@code java -jar hotloop-agent.jar PID} does). Prints {@code tests N failed M} and, for each
 * failure, its stack trace; exits with 1 when any test failed.
 */
public final class JUnitRunApp {

    private JUnitRunApp() {
    }

    /**
     * @param args the test class's name, then optionally {@code attach}, the agent jar and its options
     * @throws Exception when the class is not on the class path, or the attach fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("attach")) {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
            try {
                vm.loadAgent(args[2], args[3]);
            } finally {
                vm.detach();
            }
        }
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Class.forName(args[0]))).build(),
                listener);
        TestExecutionSummary s = listener.getSummary();
        System.out.println("tests " + s.getTestsFoundCount() + " failed " + s.getTotalFailureCount());
        s.printFailuresTo(new PrintWriter(System.out, true), 30);
        System.exit(s.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
