package dev.hotloop.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Runs every example and prints a table of first-call and steady-state times with a checksum per
 * result, so that a run with the agent can be compared with a run without it. From the repository
 * root, after {@code mvn -B -q package -DskipTests}:
 *
 * <pre>{@code
 * java -jar demo-app/target/hotloop-demo.jar                      # plain JVM
 * java -javaagent:agent/target/hotloop-agent.jar --add-modules jdk.incubator.vector \
 *      -jar demo-app/target/hotloop-demo.jar                      # with Hotloop
 * }</pre>
 *
 * <p>{@code --quick} runs tiny inputs (a smoke test).
 */
public final class DemoMain {

    private static final String USAGE = "usage: java [-javaagent:hotloop-agent.jar"
            + " --add-modules jdk.incubator.vector] -jar hotloop-demo.jar [--quick]";

    private DemoMain() {
    }

    /**
     * Runs the demo; exits with status 2 on a bad argument.
     *
     * @param args empty, {@code --quick} or {@code --help}
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the demo and returns the exit status.
     *
     * @param args empty, {@code --quick} or {@code --help}
     * @param out where the report goes
     * @param err where usage errors go
     * @return 0 on success, 2 on a bad argument
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        DemoSize size;
        if (args.length == 0) {
            size = DemoSize.FULL;
        } else if (args.length == 1 && args[0].equals("--quick")) {
            size = DemoSize.QUICK;
        } else if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        } else {
            err.println("hotloop-demo: unknown arguments " + String.join(" ", args));
            err.println(USAGE);
            return 2;
        }
        long start = System.nanoTime();
        out.println("Hotloop demo" + (size == DemoSize.QUICK ? " (quick)" : ""));
        RuntimeInfo.print(out);
        out.println();
        List<Row> rows = Examples.runAll(size);
        ResultTable.print(rows, out);
        out.println();
        out.println("first call: class load (and rewrite, with the agent) plus an interpreted run;"
                + " steady: median of " + calls(size.runs()) + " after " + size.warmups()
                + " unmeasured.");
        out.println("on one JDK, strict and parallel rows give the same checksum with and without"
                + " the agent; fastMath rows may differ in the last digits.");
        out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static String calls(int n) {
        return n + (n == 1 ? " call" : " calls");
    }
}
