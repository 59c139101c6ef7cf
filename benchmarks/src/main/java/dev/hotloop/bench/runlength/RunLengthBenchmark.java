package dev.hotloop.bench.runlength;

import dev.hotloop.bench.runlength.RunLengthTable.Variant;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The run-length benchmark of issue 9 ("never slower than the plain JVM"): for each call count N,
 * fresh JVMs run {@link RunLengthApp} N times per kernel, interleaved, R times each:
 * <ul>
 *   <li>plain: {@code java --add-modules jdk.incubator.vector -cp ... RunLengthApp N};
 *   <li>agent (cold): the same with {@code -javaagent:hotloop-agent.jar} and its default options,
 *       its class cache in a new empty directory each run (a first run: the rewrite is done and
 *       stored), so that no earlier run's cache in the user's home makes it look warm;
 *   <li>warm cache: the agent with {@code cache=DIR}, DIR filled by one untimed run first. An
 *       agent without that option stops with exit status 2; the warm columns then read n/a.
 * </ul>
 * Prints the machine, {@code java -version}, what the agent made of each kernel, and a Markdown
 * table of medians (the app's elapsed time and the JVM's wall time), the ratio to the plain JVM
 * and the targets. Run from the repository root:
 * <pre>
 * java -cp benchmarks/target/hotloop-benchmarks.jar dev.hotloop.bench.runlength.RunLengthBenchmark --quick
 * </pre>
 * or {@code scripts/run-length.sh}, which builds first.
 */
public final class RunLengthBenchmark {

    static final long[] DEFAULT_CALLS = {1, 3, 100, 2000, 100_000, 1_000_000};
    static final long[] QUICK_CALLS = {1, 3, 100, 2000};
    static final int DEFAULT_REPS = 5;
    static final int QUICK_REPS = 3;
    static final long DEFAULT_TIMEOUT_S = 120;
    /** The transform time at the end of each of the agent's load-time lines. */
    private static final Pattern TRANSFORM = Pattern.compile("\\(transform ([0-9]+(?:\\.[0-9]+)?) ms\\)");
    private static final String APP = RunLengthApp.class.getName();

    private RunLengthBenchmark() {
    }

    /**
     * @param args the options; {@code --help} lists them
     * @throws IOException if a JVM cannot be started or the table not written
     */
    public static void main(String[] args) throws IOException {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("run-length: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (o == null) {
            System.out.println(Options.USAGE);
            return;
        }
        Path java = o.jdk.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            fail("no java at " + java + "; pass a JDK home with --jdk");
        }
        if (!Files.isRegularFile(o.agent)) {
            fail("no agent jar at " + o.agent + "; build it: mvn -B -ntp -q package -DskipTests");
        }
        Path scratch = Files.createTempDirectory("hotloop-run-length");
        try {
            new RunLengthBenchmark.Session(o, java, scratch).run(args);
        } finally {
            deleteTree(scratch);
        }
    }

    private static void fail(String message) {
        System.err.println("run-length: " + message);
        System.exit(2);
    }

    /** One benchmark run: the commands of the three variants and the runs so far. */
    private static final class Session {
        private final Options o;
        private final Path java;
        private final Path scratch;

        Session(Options o, Path java, Path scratch) {
            this.o = o;
            this.java = java;
            this.scratch = scratch;
        }

        void run(String[] args) throws IOException {
            StringBuilder header = new StringBuilder();
            header.append("Run length (issue 9): ").append(APP).append(", six kernels over 1,000 elements, N calls of each\n");
            header.append("command: java -cp ... ").append(RunLengthBenchmark.class.getName())
                    .append(args.length == 0 ? "" : " " + String.join(" ", args)).append('\n');
            header.append(machine());
            for (String line : javaVersion().split("\n")) {
                header.append("java:    ").append(line).append('\n');
            }
            header.append("agent:   ").append(o.agent).append(" (").append(Files.size(o.agent) / 1024).append(" KiB)")
                    .append(o.agentOpts.isEmpty() ? ", default options" : ", options " + o.agentOpts).append('\n');
            header.append("runs:    ").append(o.reps).append(" of each variant per N, interleaved plain, agent, warm cache;"
                    + " medians; timeout ").append(o.timeoutSeconds).append(" s a JVM\n");
            System.out.print(header);

            JvmRun first = JvmRun.run(command(Variant.AGENT, 1, null), o.timeoutSeconds, scratch);
            String kernels = kernelLines(first);
            System.out.println("what the agent made of the kernels (its load-time lines):");
            System.out.println(kernels);
            if (!first.ok()) {
                fail("the agent's JVM failed (exit " + first.exitCode() + "):\n" + first.stderr());
            }
            Path probeDir = Files.createDirectory(scratch.resolve("cache-probe"));
            JvmRun probe = JvmRun.run(command(Variant.WARM, 1, probeDir), o.timeoutSeconds, scratch);
            boolean cache = probe.exitCode() != 2;
            if (cache && !probe.ok()) {
                fail("the agent with cache= failed (exit " + probe.exitCode() + "):\n" + probe.stderr());
            }
            String cacheLine = cache ? "cache:   the agent accepts cache=DIR; warm = one untimed run fills DIR, then timed runs"
                    : "cache:   n/a: the agent refused cache=DIR (exit 2: " + firstLine(probe.stderr()) + ")";
            System.out.println(cacheLine);
            header.append(cacheLine).append('\n');

            RunLengthTable table = new RunLengthTable(cache);
            List<Double> firstTransforms = new ArrayList<>();
            List<Double> laterTransforms = new ArrayList<>();
            for (long n : o.calls) {
                Path dir = null;
                if (cache) {
                    dir = Files.createDirectory(scratch.resolve("cache-" + n));
                    report(n, "fill", JvmRun.run(command(Variant.WARM, n, dir), o.timeoutSeconds, scratch));
                }
                for (int r = 0; r < o.reps; r++) {
                    for (Variant v : Variant.values()) {
                        if (v == Variant.WARM && !cache) {
                            continue;
                        }
                        Path cacheDir = v == Variant.WARM ? dir
                                : v == Variant.AGENT && cache ? Files.createDirectory(scratch.resolve("cold-" + n + "-" + r)) : null;
                        JvmRun run = JvmRun.run(command(v, n, cacheDir), o.timeoutSeconds, scratch);
                        report(n, v.name().toLowerCase(Locale.ROOT), run);
                        table.add(n, v, run);
                        if (v == Variant.AGENT && run.ok()) {
                            List<Double> t = transformMillis(run.stderr());
                            if (!t.isEmpty()) {
                                firstTransforms.add(t.get(0));
                                laterTransforms.addAll(t.subList(1, t.size()));
                            }
                        }
                    }
                }
            }
            String markdown = table.markdown() + transformLine(firstTransforms, laterTransforms);
            String legend = "ms: median of RunLengthApp's elapsed_ms (first statement of main to the result, loading the kernel"
                    + " class included); wall: process start to exit. Targets: elapsed / wall.\n";
            System.out.println();
            System.out.print(markdown);
            System.out.print(legend);
            if (o.out != null) {
                Files.writeString(o.out, header + "\n" + "kernels:\n" + kernels + "\n\n" + markdown + "\n" + legend,
                        StandardCharsets.UTF_8);
                System.err.println("run-length: wrote " + o.out);
            }
        }

        /** @return the command line of a variant; {@code cacheDir}, when not null, as the agent's cache */
        List<String> command(Variant v, long calls, Path cacheDir) {
            List<String> c = new ArrayList<>();
            c.add(java.toString());
            if (v != Variant.PLAIN) {
                List<String> opts = new ArrayList<>();
                if (!o.agentOpts.isEmpty()) {
                    opts.add(o.agentOpts);
                }
                if (cacheDir != null) {
                    opts.add("cache=" + cacheDir);
                }
                c.add("-javaagent:" + o.agent + (opts.isEmpty() ? "" : "=" + String.join(",", opts)));
            }
            c.addAll(List.of("--add-modules", "jdk.incubator.vector", "-cp", o.classPath, APP, Long.toString(calls)));
            if (o.startupMillis > 0) {
                c.add(Long.toString(o.startupMillis));
            }
            return c;
        }

        private String javaVersion() throws IOException {
            JvmRun v = JvmRun.run(List.of(java.toString(), "-version"), o.timeoutSeconds, scratch);
            return v.stderr().strip();
        }
    }

    private static void report(long calls, String variant, JvmRun run) {
        String what = run.ok()
                ? String.format(Locale.ROOT, "elapsed %s ms, wall %s ms", RunLengthTable.format(run.elapsedMs()), RunLengthTable.format(run.wallMs()))
                : run.timedOut() ? "TIMED OUT" : "FAILED, exit " + run.exitCode() + ": " + firstLine(run.stderr());
        System.err.printf(Locale.ROOT, "N=%d %-6s %s%n", calls, variant, what);
    }

    /** @return the agent's load-time lines about the kernels, without its exit report */
    static String kernelLines(JvmRun run) {
        StringBuilder sb = new StringBuilder();
        for (String line : run.stderr().split("\n")) {
            if (line.startsWith("[hotloop] ") && !line.startsWith("[hotloop]  ") && !line.startsWith("[hotloop] exit report")) {
                sb.append("  ").append(line.strip()).append('\n');
            }
        }
        return sb.length() == 0 ? "  (none: the agent printed no load-time line)" : sb.toString().stripTrailing();
    }

    /** @return the transform times of the agent's load-time lines, in the order the methods were rewritten */
    static List<Double> transformMillis(String stderr) {
        List<Double> out = new ArrayList<>();
        Matcher m = TRANSFORM.matcher(stderr);
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }

    /** @return the cold-transform summary line: the first method (the class's loading included) and the others */
    static String transformLine(List<Double> first, List<Double> later) {
        if (first.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "%ncold transform (agent runs, empty cache): first method %s ms (median of %d JVMs; "
                + "target <= 25), each further method %s ms (median of %d; target <= 1)%n",
                RunLengthTable.format(median(first)), first.size(),
                later.isEmpty() ? "-" : RunLengthTable.format(median(later)), later.size());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String firstLine(String s) {
        return s.strip().lines().filter(l -> !l.startsWith("WARNING: Using incubator")).findFirst().orElse("no output");
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Paths.get("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep "unknown CPU"
        }
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), " + cpu + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n";
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The command-line options. */
    static final class Options {
        static final String USAGE = String.join("\n",
                "usage: RunLengthBenchmark [--quick] [--calls 1,3,100] [--reps R] [--jdk JAVA_HOME] [--agent-opts OPTS]",
                "                          [--agent JAR] [--cp CLASSPATH] [--timeout SECONDS] [--out FILE.md] [--startup MS]",
                "  --quick        calls 1,3,100,2000 and 3 reps (under a minute); --calls and --reps still win",
                "  --calls LIST   calls of each kernel per JVM (default 1,3,100,2000,100000,1000000)",
                "  --reps R       JVMs of each variant per call count (default 5)",
                "  --jdk PATH     the JDK that runs the JVMs (default: the one running this)",
                "  --agent-opts S extra agent options, appended after '=' (default none: what users run)",
                "  --agent JAR    the agent jar (default agent/target/hotloop-agent.jar)",
                "  --cp PATH      class path of RunLengthApp (default: this JVM's class path)",
                "  --timeout S    seconds before a JVM is killed (default 120)",
                "  --out FILE     also write the header and the Markdown table to FILE",
                "  --startup MS   the app works MS milliseconds on its main thread before its clock starts, as a",
                "                 test runner does before it loads the code under test (default 0: the kernels first)");

        Path jdk = Paths.get(System.getProperty("java.home"));
        long[] calls;
        int reps = -1;
        String agentOpts = "";
        Path agent = Paths.get("agent/target/hotloop-agent.jar").toAbsolutePath();
        String classPath = System.getProperty("java.class.path");
        long timeoutSeconds = DEFAULT_TIMEOUT_S;
        long startupMillis;
        Path out;

        /** @return the options, or null for --help */
        static Options parse(String[] args) {
            Options o = new Options();
            boolean quick = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--quick" -> quick = true;
                    case "--calls" -> o.calls = parseCalls(value(args, ++i, a));
                    case "--reps" -> o.reps = positive(value(args, ++i, a), a);
                    case "--jdk" -> o.jdk = Paths.get(value(args, ++i, a));
                    case "--agent-opts" -> o.agentOpts = value(args, ++i, a);
                    case "--agent" -> o.agent = Paths.get(value(args, ++i, a)).toAbsolutePath();
                    case "--cp" -> o.classPath = value(args, ++i, a);
                    case "--timeout" -> o.timeoutSeconds = positive(value(args, ++i, a), a);
                    case "--out" -> o.out = Paths.get(value(args, ++i, a));
                    case "--startup" -> o.startupMillis = positive(value(args, ++i, a), a);
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            if (o.calls == null) {
                o.calls = quick ? QUICK_CALLS : DEFAULT_CALLS;
            }
            if (o.reps < 0) {
                o.reps = quick ? QUICK_REPS : DEFAULT_REPS;
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int positive(String s, String option) {
            try {
                int v = Integer.parseInt(s);
                if (v >= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new IllegalArgumentException(option + " needs a whole number of at least 1, got '" + s + "'");
        }

        static long[] parseCalls(String s) {
            try {
                long[] v = Arrays.stream(s.split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
                if (v.length > 0 && Arrays.stream(v).allMatch(x -> x >= 1)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new IllegalArgumentException("--calls needs whole numbers of at least 1 separated by commas, got '" + s + "'");
        }
    }
}
