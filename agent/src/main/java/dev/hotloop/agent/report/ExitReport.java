package dev.hotloop.agent.report;

import dev.hotloop.agent.options.ReportTarget;
import dev.hotloop.runtime.MethodStats;
import dev.hotloop.runtime.Timings;
import dev.hotloop.runtime.parallel.ParallelLoop;
import dev.hotloop.runtime.tier.TierRecord;
import dev.hotloop.runtime.tier.Tiers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report at exit: joins what the agent recorded at transformation with the run-time counters,
 * then prints the table or writes the report file. Runs from a shutdown hook.
 */
public final class ExitReport implements Runnable {

    private final MethodCatalog catalog;
    private final ReportTarget target;
    private final RunContext context;
    private final Diagnostics diagnostics;
    private final PrintStream err;

    /**
     * @param catalog     what was transformed
     * @param target      where the report goes
     * @param context     run facts written at the head of report files (version, JVM, options)
     * @param diagnostics where to say that a report file was written, or could not be
     * @param err         the stream the table is printed on
     */
    public ExitReport(MethodCatalog catalog, ReportTarget target, RunContext context,
                      Diagnostics diagnostics, PrintStream err) {
        this.catalog = catalog;
        this.target = target;
        this.context = context;
        this.diagnostics = diagnostics;
        this.err = err;
    }

    /** @return one row per recorded method, counters read now */
    public List<ReportRow> rows() {
        return rows(Tiers.records());
    }

    private List<ReportRow> rows(List<TierRecord> tiers) {
        List<ReportRow> rows = new ArrayList<>();
        for (MethodRecord r : catalog.records()) {
            MethodStats.Snapshot s = r.id() >= 0 ? Timings.stats(r.id()).snapshot() : null;
            rows.add(new ReportRow(r.method(), r.line(), r.rewrite(), r.diagnostic(), r.transformNanos(),
                    s == null ? 0 : s.calls(), s == null ? -1 : s.firstCallNanos(),
                    s == null ? -1 : s.steadyNanosPerCall(), s == null ? 0 : s.totalNanos(),
                    LoopResult.join(r.method(), r.loops(), tiers)));
        }
        return rows;
    }

    /** Emits the report: the body of the shutdown hook. */
    @Override
    public void run() {
        emit();
    }

    /** Prints or writes the report; never throws. */
    public void emit() {
        if (catalog.isEmpty() || target.kind() == ReportTarget.Kind.OFF) {
            return;
        }
        try {
            List<TierRecord> tiers = Tiers.records();
            List<ReportRow> rows = rows(tiers);
            switch (target.kind()) {
                case STDERR -> err.print(TableFormat.format(rows) + TierSection.format(tiers, rows)
                        + ParallelSection.format(ParallelLoop.decisions()));
                case JSON -> write(target.file(), JsonFormat.format(context, rows, tiers));
                case CSV -> write(target.file(), CsvFormat.format(rows));
                case HTML -> write(target.file(), HtmlFormat.format(context, rows, tiers));
                default -> { }
            }
        } catch (IOException | RuntimeException e) {
            diagnostics.error("could not write the report to " + target + ": " + e);
        }
    }

    private void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        diagnostics.info("report written to " + file.toAbsolutePath());
    }
}
