package dev.hotloop.bench.vector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 9's check that the report is honest: for each fork of {@link ReportedKernelBenchmark} in a
 * JMH log, the kernel's {@code steady/call} in the agent's exit table against JMH's average time per
 * call, measured in the same JVM. Prints a Markdown table and exits with status 1 when a kernel's
 * report is off by more than {@link #TOLERANCE} (or missing).
 *
 * <pre>{@code
 * java -cp benchmarks/target/hotloop-benchmarks.jar dev.hotloop.bench.vector.ReportAgreement jmh.log
 * }</pre>
 */
public final class ReportAgreement {

    /** How far the report may be from JMH: 25 %. */
    static final double TOLERANCE = 0.25;

    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: " + Pattern.quote(ReportedKernelBenchmark.class.getName())
            + "\\.(\\w+)$");
    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\(size = (\\d+)\\)$");
    /** JMH's result line of a fork: {@code Result "...dotFloat":} then {@code   123.4 ±(99.9%) 5.6 ns/op [Average]}. */
    private static final Pattern RESULT = Pattern.compile("^\\s+([0-9.,]+) ±\\(99\\.9%\\) [0-9.,NaN]+ ns/op \\[Average\\]");
    /** A row of the exit table: two spaces after the tag, then the method (the summary lines below indent three). */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\[hotloop\\]  \\S");
    private static final Pattern DURATION = Pattern.compile("([0-9.,]+) (ns|µs|us|ms|s)$");

    private ReportAgreement() {
    }

    /** One fork: the kernel, its size, JMH's ns per call and the report's. */
    record Row(String kernel, int size, double jmhNanos, double reportNanos) {
        double ratio() {
            return reportNanos / jmhNanos;
        }

        boolean agrees() {
            return reportNanos > 0 && Math.abs(ratio() - 1) <= TOLERANCE;
        }
    }

    /**
     * @param args the JMH log
     * @throws IOException when it cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ReportAgreement JMH.log");
            System.exit(2);
        }
        List<Row> rows = rows(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
        System.out.print(markdown(rows));
        boolean all = !rows.isEmpty();
        for (Row r : rows) {
            all &= r.agrees();
        }
        System.exit(all ? 0 : 1);
    }

    /** @return a row per fork of the reported benchmark, in log order */
    static List<Row> rows(List<String> log) {
        List<Row> rows = new ArrayList<>();
        String kernel = null;
        int size = -1;
        double report = -1;
        boolean resultNext = false;
        for (String line : log) {
            Matcher m = BENCHMARK.matcher(line);
            if (m.matches()) {
                kernel = m.group(1);
                size = -1;
                report = -1;
                continue;
            }
            if (kernel == null) {
                continue;
            }
            m = PARAMETERS.matcher(line);
            if (m.matches()) {
                size = Integer.parseInt(m.group(1));
                continue;
            }
            if (line.contains("ScalarKernels." + kernel + "(") && TABLE_ROW.matcher(line).find()) {
                report = steadyNanos(line);
                continue;
            }
            if (line.startsWith("Result \"") && line.contains("." + kernel + "\"")) {
                resultNext = true;
                continue;
            }
            m = RESULT.matcher(line);
            if (resultNext && m.find()) {
                rows.add(new Row(kernel, size, number(m.group(1)), report));
                kernel = null;
                resultNext = false;
            }
        }
        return rows;
    }

    /**
     * @param row an exit-table row: method, rewrite, transform, calls, first call, steady/call, total,
     *            columns apart by two or more spaces
     * @return its steady/call in nanoseconds, or -1 when it has none
     */
    static double steadyNanos(String row) {
        String[] cells = row.substring("[hotloop]".length()).trim().split("\\s{2,}");
        if (cells.length < 3) {
            return -1;
        }
        Matcher m = DURATION.matcher(cells[cells.length - 2].trim());
        if (!m.find()) {
            return -1;
        }
        double v = number(m.group(1));
        switch (m.group(2)) {
            case "ns":
                return v;
            case "µs":
            case "us":
                return v * 1e3;
            case "ms":
                return v * 1e6;
            default:
                return v * 1e9;
        }
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace(",", ""));
    }

    /** @return the Markdown table */
    static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder("| kernel | size | JMH ns/call | exit table steady/call (ns) | report / JMH | within 25 % |\n");
        b.append("|---|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %,d | %,.1f | %s | %s | %s |%n", r.kernel(), r.size(), r.jmhNanos(),
                    r.reportNanos() < 0 ? "none" : String.format(Locale.ROOT, "%,.1f", r.reportNanos()),
                    r.reportNanos() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()), r.agrees() ? "yes" : "**NO**"));
        }
        return b.toString();
    }
}
