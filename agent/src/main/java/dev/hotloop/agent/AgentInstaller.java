package dev.hotloop.agent;

import dev.hotloop.agent.attach.LoadedClassRetransformer;
import dev.hotloop.agent.cache.ClassCache;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.options.LogLevel;
import dev.hotloop.agent.options.ReportTarget;
import dev.hotloop.agent.report.Diagnostics;
import dev.hotloop.agent.report.ExitReport;
import dev.hotloop.agent.report.LoadTimeReporter;
import dev.hotloop.agent.report.MethodCatalog;
import dev.hotloop.agent.report.RunContext;
import dev.hotloop.agent.report.StderrDiagnostics;
import dev.hotloop.agent.transform.CachedRewrites;
import dev.hotloop.agent.transform.DeferredRewriter;
import dev.hotloop.agent.transform.Prewarm;
import dev.hotloop.agent.transform.HotloopTransformer;
import dev.hotloop.agent.transform.OriginalRestorer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires the agent together once per JVM: runtime on the bootstrap path, transformer, exit report,
 * and, on attach, the classes already loaded.
 */
final class AgentInstaller {

    /** Set once installed; also tells programs (the demo) that the agent is present. */
    static final String VERSION_PROPERTY = "hotloop.agent.version";

    private AgentInstaller() {
    }

    static synchronized void install(AgentOptions options, Instrumentation inst, boolean attached) throws Exception {
        Diagnostics diagnostics = new StderrDiagnostics(options.log());
        for (String w : options.warnings()) {
            diagnostics.warn(w);
        }
        if (System.getProperty(VERSION_PROPERTY) != null) {
            diagnostics.warn("already installed in this JVM (hotloop " + System.getProperty(VERSION_PROPERTY)
                    + "); the second -javaagent or attach is ignored");
            return;
        }
        String version = AgentVersion.get();
        System.setProperty(VERSION_PROPERTY, version);
        if (!options.enabled()) {
            diagnostics.info("disabled (enabled=false): every class is left untouched");
            return;
        }
        boolean vectorApi = VectorApi.resolved();
        if (diagnostics.enabled(LogLevel.DEBUG)) {
            diagnostics.debug("hotloop " + version + " on Java " + Runtime.version() + ", options " + options
                    + ", " + VectorApi.MODULE + (vectorApi ? " resolved" : " not resolved"));
        }

        MethodCatalog catalog = new MethodCatalog();
        LoadTimeReporter reporter = new LoadTimeReporter(diagnostics, catalog, vectorApi);
        // Built at the first annotated class: a program without annotations never loads ASM.
        // A loop that settles on its original form gets its method's original bytecode back.
        OriginalRestorer restorer = new OriginalRestorer(inst, diagnostics);
        BootstrapRuntime runtime = new BootstrapRuntime(inst, diagnostics, options.threads(), options.cluster(), restorer);
        DeferredRewriter rewriter = new DeferredRewriter(options, vectorApi, runtime);
        // The cache directory is opened at the first annotated class, like the rewriter.
        CachedRewrites cache = options.cache() == null ? null
                : new CachedRewrites(new ClassCache(options.cache(), diagnostics), options, vectorApi, version, runtime, diagnostics);
        HotloopTransformer transformer = new HotloopTransformer(rewriter, cache, restorer, reporter, version);
        if (!attached) {
            new Prewarm(rewriter, cache, runtime, options, vectorApi).start(); // on attach, the program is already running
        }

        RunContext context = RunContext.of(version, options, vectorApi);
        List<ExitReport> reports = new ArrayList<>();
        for (ReportTarget target : options.reports()) {
            reports.add(new ExitReport(catalog, target, context, diagnostics, System.err));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(new ExitReports(reports, cache), "hotloop-exit-report"));

        // Retransform-capable, also from premain: the JVM runs such transformers after every
        // non-retransform-capable one (JaCoCo's), whatever the -javaagent order, so Hotloop sees
        // the probes JaCoCo inserted and JaCoCo computes its class id from the original bytes.
        // The JVM then keeps a copy of every class file it loads (measured in the JaCoCo report).
        inst.addTransformer(transformer, true);
        if (attached) {
            new LoadedClassRetransformer(inst, diagnostics).retransformAnnotated();
        }
    }

    /**
     * The exit reports, one after the other, from one shutdown hook (no lambda: premain must not
     * bootstrap java.lang.invoke); then the cache entries still being written, for at most
     * {@link #FLUSH_MILLIS}, so that a short run leaves them for the next.
     */
    private static final class ExitReports implements Runnable {
        static final long FLUSH_MILLIS = 2_000;
        private final List<ExitReport> reports;
        private final CachedRewrites cache;

        ExitReports(List<ExitReport> reports, CachedRewrites cache) {
            this.reports = reports;
            this.cache = cache;
        }

        @Override
        public void run() {
            for (ExitReport r : reports) {
                r.run();
            }
            if (cache != null) {
                cache.flush(FLUSH_MILLIS);
            }
        }
    }
}
