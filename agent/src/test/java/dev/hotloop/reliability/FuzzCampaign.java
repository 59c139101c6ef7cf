package dev.hotloop.reliability;

import dev.hotloop.agent.transform.ClassRewriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A seeded fuzzing campaign: kernel {@code k} of the campaign is generated from seed
 * {@code seed + k}, so any kernel can be reproduced alone with {@code -Dfuzz.seed=<its seed>
 * -Dfuzz.kernels=1}. Kernels are compiled a class at a time; classes alternate between the agent's
 * default options (timing probes on) and {@code report=off} (loop rewrites only), and between
 * javac with and without debug information. A failing kernel is isolated, shrunk, printed with its
 * seed, and written to {@code target/fuzz-failures/} in the format of {@code regressions.txt}.
 */
final class FuzzCampaign {

    /** The option sets classes alternate between: agent options and javac's {@code -g}. */
    record Mode(String agentArgs, boolean debug) {
        static Mode of(int batch) {
            return new Mode(batch % 2 == 0 ? "report=off" : null, (batch / 2) % 2 == 0);
        }

        @Override
        public String toString() {
            return "agent options " + (agentArgs == null ? "(defaults)" : agentArgs) + ", javac " + (debug ? "-g" : "-g:none");
        }
    }

    /**
     * A failure, shrunk.
     *
     * @param seed     the kernel's seed
     * @param mode     the options it failed under
     * @param failure  what the harness saw on the original kernel
     * @param original the kernel as generated
     * @param shrunk   the smallest kernel found that fails the same way
     */
    record Report(long seed, Mode mode, Failure failure, Kernel original, Kernel shrunk) {
        String describe() {
            return "FUZZ FAILURE seed=" + seed + " kind=" + failure.kind() + " (" + mode + ")\n" + failure.detail()
                    + "\n--- kernel as generated:\n" + original.source() + "--- shrunk to:\n" + shrunk.source()
                    + "--- reproduce: mvn -pl agent -am test -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false"
                    + " -Dfuzz.seed=" + seed + " -Dfuzz.kernels=1\n";
        }
    }

    private final long seed;
    private final int kernels;
    private final int perClass;
    private final int maxShrunk;
    private final PrintStream log;
    private final Path failureDir;
    private final Function<String, ClassRewriter> rewriters;
    private final InMemoryCompiler javac = new InMemoryCompiler();
    private final FuzzStats stats = new FuzzStats();
    private final Map<String, Differential> differentials = new LinkedHashMap<>();
    private final List<Report> reports = new ArrayList<>();
    private Duration c2Budget;

    /**
     * @param seed       the first kernel's seed
     * @param kernels    how many kernels
     * @param perClass   kernels per compiled class
     * @param maxShrunk  how many failures to shrink (each takes seconds); later ones are reported as generated
     * @param log        where progress and failures are printed
     * @param failureDir where shrunk failures are written, or null
     * @param rewriters  the rewriter under test, for given agent options
     */
    FuzzCampaign(long seed, int kernels, int perClass, int maxShrunk, PrintStream log, Path failureDir,
                 Function<String, ClassRewriter> rewriters) {
        this.seed = seed;
        this.kernels = kernels;
        this.perClass = perClass;
        this.maxShrunk = maxShrunk;
        this.log = log;
        this.failureDir = failureDir;
        this.rewriters = rewriters;
    }

    /**
     * Compares each rewritten kernel once C2 compiled its SIMD form (see {@link Differential}).
     *
     * @param budget the longest wait per kernel
     * @return this campaign
     */
    FuzzCampaign compiled(Duration budget) {
        this.c2Budget = budget;
        return this;
    }

    FuzzStats stats() {
        return stats;
    }

    List<Report> run() {
        long start = System.nanoTime();
        for (int first = 0, batch = 0; first < kernels; first += perClass, batch++) {
            List<Kernel> ks = new ArrayList<>();
            for (int k = first; k < Math.min(kernels, first + perClass); k++) {
                ks.add(KernelGen.generate("k" + (k - first), seed + k));
            }
            runBatch("fuzz.B" + batch, ks, Mode.of(batch));
        }
        try {
            log.printf("fuzz: seeds %d..%d in %.1f s%n%s", seed, seed + kernels - 1, (System.nanoTime() - start) / 1e9,
                    stats.describe());
        } finally {
            differentials.values().forEach(Differential::close);
        }
        return reports;
    }

    private void runBatch(String className, List<Kernel> ks, Mode mode) {
        StringBuilder members = new StringBuilder();
        List<KernelSpec> specs = new ArrayList<>();
        for (Kernel k : ks) {
            members.append(k.source());
            specs.add(k.spec());
            stats.kernels++;
            stats.fastMath += k.fastMath() ? 1 : 0;
            stats.mustRefuse += k.mustRefuse() ? 1 : 0;
        }
        byte[] bytes = javac.compile(Map.of(className, classSource(className, members.toString())), mode.debug()).get(className);
        List<Failure> failures = differential(mode).check(className, bytes, specs);
        if (failures.isEmpty()) {
            return;
        }
        Map<String, Failure> byKernel = new LinkedHashMap<>();
        for (Failure f : failures) {
            if (f.kernel() != null) {
                byKernel.putIfAbsent(f.kernel(), f);
            }
        }
        if (byKernel.isEmpty()) {
            for (Kernel k : ks) {
                Failure f = checkAlone(List.of(k), mode).get(0);
                if (f != null) {
                    byKernel.putIfAbsent(k.name(), f);
                }
            }
        }
        if (byKernel.isEmpty()) {
            log.println("FUZZ FAILURE in " + className + " (" + mode + ") that no kernel shows alone:\n" + failures);
            reports.add(new Report(ks.get(0).seed(), mode, failures.get(0), ks.get(0), ks.get(0)));
            return;
        }
        for (Kernel k : ks) {
            Failure f = byKernel.get(k.name());
            if (f != null) {
                report(k, f, mode);
            }
        }
    }

    private void report(Kernel k, Failure f, Mode mode) {
        Kernel shrunk = k;
        if (reports.size() < maxShrunk) {
            shrunk = Shrinker.shrink(k, candidates -> firstFailing(candidates, f.kind(), mode));
        }
        Report r = new Report(k.seed(), mode, f, k, shrunk);
        reports.add(r);
        log.println(r.describe());
        if (failureDir != null) {
            try {
                Files.createDirectories(failureDir);
                Files.writeString(failureDir.resolve("seed-" + k.seed() + ".txt"),
                        RecordedKernel.entry(shrunk, mode.agentArgs(), mode.debug(), "seed " + k.seed() + ": " + f.kind()
                                + ": " + f.detail().lines().findFirst().orElse("")),
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private int firstFailing(List<Kernel> candidates, Failure.Kind kind, Mode mode) {
        List<Failure> results;
        try {
            results = checkAlone(candidates, mode);
        } catch (InMemoryCompiler.CompilationFailed e) {
            results = new ArrayList<>();
            for (Kernel k : candidates) {
                try {
                    results.add(checkAlone(List.of(k), mode).get(0));
                } catch (InMemoryCompiler.CompilationFailed skip) {
                    results.add(null);
                }
            }
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) != null && results.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    /** Compiles each kernel into a class of its own, in one javac run, and checks each class. */
    private List<Failure> checkAlone(List<Kernel> ks, Mode mode) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < ks.size(); i++) {
            sources.put("fuzz.S" + i, classSource("fuzz.S" + i, ks.get(i).source()));
        }
        Map<String, byte[]> classes = javac.compile(sources, mode.debug());
        List<Failure> out = new ArrayList<>();
        FuzzStats scratch = new FuzzStats();
        try (Differential d = new Differential(rewriters.apply(mode.agentArgs()), scratch)) {
            for (int i = 0; i < ks.size(); i++) {
                List<Failure> f = d.check("fuzz.S" + i, classes.get("fuzz.S" + i), List.of(ks.get(i).spec()));
                out.add(f.isEmpty() ? null : f.get(0));
            }
        }
        return out;
    }

    private Differential differential(Mode mode) {
        return differentials.computeIfAbsent(String.valueOf(mode.agentArgs()),
                k -> new Differential(rewriters.apply(mode.agentArgs()), stats, c2Budget));
    }

    /**
     * @param binaryName a class name in package {@code fuzz}
     * @param members    its members
     * @return the compilation unit
     */
    static String classSource(String binaryName, String members) {
        String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        return "package fuzz;\n\nimport dev.hotloop.Vectorize;\n\npublic final class " + simple + " {\n" + members + "}\n";
    }
}
