package dev.hotloop.agent.transform;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.AnnotationScanner;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.instrument.StrictFailureInjector;
import dev.hotloop.agent.instrument.TimingInjector;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.options.LogLevel;
import dev.hotloop.agent.options.ReportTarget;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.report.Diagnostics;
import dev.hotloop.agent.report.StderrDiagnostics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Rewrites one class: parse, find the annotated methods, find their loops, plan, apply the plan
 * (strict-mode failures, timing probes; the loop rewrites plug in here), check, write. Stateless
 * apart from its collaborators, so one instance serves every class loader and thread.
 */
public final class ClassRewriter {

    private final AgentOptions options;
    private final Planner planner;
    private final RuntimeLink runtime;
    private final Diagnostics diagnostics;
    private final ClassDumper dumper;
    private final RewriteApplier applier;

    /**
     * @param options   the agent's options
     * @param planner   decides what each annotated loop becomes
     * @param runtime   makes the runtime visible and gives timing ids
     */
    public ClassRewriter(AgentOptions options, Planner planner, RuntimeLink runtime) {
        this.options = options;
        this.planner = planner;
        this.runtime = runtime;
        this.diagnostics = new StderrDiagnostics(options.log());
        this.dumper = options.dump() == null ? null : new ClassDumper(options.dump(), diagnostics);
        this.applier = new RewriteApplier(planner);
    }

    /** @return how rewritten classes reach the runtime */
    RuntimeLink runtime() {
        return runtime;
    }

    /**
     * @param loader the defining loader (null for the bootstrap loader)
     * @param bytes  the class file
     * @return the new class file and the plans, or {@link TransformResult#UNCHANGED}
     * @throws RuntimeException on any failure; the caller keeps the original bytes
     */
    public TransformResult rewrite(ClassLoader loader, byte[] bytes) {
        return rewrite(loader, bytes, true);
    }

    /**
     * @param loader        the defining loader (null for the bootstrap loader)
     * @param bytes         the class file
     * @param mayAddMembers false when an already loaded class is retransformed: rewrites must then
     *                      not add methods or fields
     * @return the new class file and the plans, or {@link TransformResult#UNCHANGED}
     * @throws RuntimeException on any failure; the caller keeps the original bytes
     */
    public TransformResult rewrite(ClassLoader loader, byte[] bytes, boolean mayAddMembers) {
        return rewrite(loader, bytes, mayAddMembers, Set.of());
    }

    /**
     * @param loader        the defining loader (null for the bootstrap loader)
     * @param bytes         the class file
     * @param mayAddMembers false when an already loaded class is retransformed: rewrites must then
     *                      not add methods or fields
     * @param restored      the class's tiered loops (their numbers) that settled on their original
     *                      form: a method whose tiered loops are all among them keeps its original
     *                      body (the members the rewrite adds are added all the same)
     * @return the new class file and the plans, or {@link TransformResult#UNCHANGED}
     * @throws RuntimeException on any failure; the caller keeps the original bytes
     */
    public TransformResult rewrite(ClassLoader loader, byte[] bytes, boolean mayAddMembers, Set<Integer> restored) {
        // A failure while rewriting one method costs that method its loop rewrites, not the class:
        // the class is rewritten again from its bytes with that method's loops kept as written.
        // A failure found only when the class is written (a method too large for the JVM) is
        // traced to its method by writing after each method on the next attempt.
        Map<Integer, String> failed = new HashMap<>();
        boolean checkEach = false;
        while (true) {
            try {
                return attempt(loader, bytes, mayAddMembers, restored, failed, checkEach);
            } catch (MethodFailure f) {
                if (failed.containsKey(f.index)) {
                    throw rethrow(f.getCause()); // even its loops kept as written fail: the class keeps its bytes
                }
                failed.put(f.index, String.valueOf(f.getCause()));
            } catch (RuntimeException | LinkageError | OutOfMemoryError | StackOverflowError | AssertionError t) {
                if (checkEach) {
                    throw t;
                }
                checkEach = true;
            }
        }
    }

    private TransformResult attempt(ClassLoader loader, byte[] bytes, boolean mayAddMembers, Set<Integer> restored,
                                    Map<Integer, String> failed, boolean checkEach) {
        long start = System.nanoTime();
        ClassNode cls = ClassReaders.parse(bytes);
        List<AnnotatedMethod> annotated = AnnotationScanner.scan(cls, loader);
        if (annotated.isEmpty() || OwnMembers.hasMethods(cls)) {
            return TransformResult.UNCHANGED;
        }
        OwnMembers.dropFields(cls);
        OriginalMembers members = OriginalMembers.of(cls, annotated);
        TimingIdSlots slots = TimingIdSlots.avoiding(bytes);
        // Tiered loops' outlined forms are written only when first measured; they are reached by
        // invokedynamic, which class files before Java 7 cannot hold: theirs stay in the class.
        LoopForms forms = (cls.version & 0xFFFF) >= Opcodes.V1_7 ? new LoopForms(cls.name, cls.version, loader, dumper) : null;
        List<MethodPlan> plans = new ArrayList<>(annotated.size());
        long[] nanos = new long[annotated.size()];
        int[] ids = new int[annotated.size()];
        boolean timed = options.report().kind() != ReportTarget.Kind.OFF;
        boolean changed = false;
        for (int i = 0; i < annotated.size(); i++) {
            long t0 = System.nanoTime();
            AnnotatedMethod am = annotated.get(i);
            try {
                MethodAnalysis analysis = am.hasCode() ? MethodAnalysis.of(am.owner(), am.method()) : null;
                MethodPlan plan = planFor(am, analysis, mayAddMembers);
                if (failed.containsKey(i)) {
                    plan = planner.planFailed(plan, failed.get(i));
                }
                plans.add(plan);
                ids[i] = -1;
                if (am.hasCode()) {
                    int methodsBefore = cls.methods.size();
                    // a parallel rewrite's chunks call the method's own code: it keeps its rewrite
                    OriginalBody original = restored.isEmpty() || plan.anyParallel() ? null : OriginalBody.keep(cls, am.method());
                    boolean rewritten = !failed.containsKey(i) && applier.apply(cls, am, analysis, plan,
                            plan.anyParallel() ? null : forms);
                    if (rewritten && original != null && original.putBackIfSettled(cls, am.method(), restored)) {
                        diagnostics.info(am.displayName() + ": the original bytecode runs again, its loops having kept their original form");
                    }
                    for (int m = methodsBefore; m < cls.methods.size(); m++) {
                        BytecodeCheck.verify(cls.name, cls.methods.get(m)); // methods a rewrite added (parallel chunks)
                    }
                    if (rewritten) {
                        runtime.ensureVisible();
                    }
                    boolean strictFail = options.strict() && plan.anyRefused();
                    if (strictFail || timed) {
                        runtime.ensureVisible();
                    }
                    if (strictFail) {
                        StrictFailureInjector.inject(am.method(), plan.reportLine());
                    }
                    if (timed) {
                        ids[i] = runtime.timingId(key(loader, am));
                        TimingInjector.inject(am.method(), slots.placeholder(i)); // the id is patched in after writing
                    }
                    if (strictFail || ids[i] >= 0 || rewritten) {
                        BytecodeCheck.verify(am.owner(), am.method());
                        changed = true;
                    }
                    if (checkEach && changed) {
                        ClassReaders.write(cls, bytes, members, loader);
                    }
                    analysis.methodChanged(); // the plans outlive the method's rewrite (reports): they keep no frames
                }
            } catch (RuntimeException | LinkageError | OutOfMemoryError | StackOverflowError | AssertionError t) {
                throw new MethodFailure(i, t);
            }
            nanos[i] = System.nanoTime() - t0;
        }
        byte[] out = changed ? ClassReaders.write(cls, bytes, members, loader) : null;
        int[] idOffsets = new int[ids.length];
        int[] placeholders = slots.placeholders(ids);
        Arrays.fill(idOffsets, -1);
        if (out != null) {
            idOffsets = slots.locate(out, ids);
            TimingIds.patch(out, idOffsets, placeholders, ids);
        }
        if (out == null || forms == null || forms.isEmpty()) {
            forms = null;
        } else {
            runtime.publish(loader, cls.name, forms);
        }
        if (out != null && dumper != null) {
            dumper.dump(cls.name, out);
            dumper.dumpPlans(cls.name, describe(plans));
        }
        if (diagnostics.enabled(LogLevel.DEBUG)) {
            for (String line : describe(plans).split("\n")) {
                diagnostics.debug("plan: " + line);
            }
        }
        // Parsing and writing the class is shared among its annotated methods.
        long shared = (System.nanoTime() - start - sum(nanos)) / annotated.size();
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] += Math.max(0, shared);
        }
        return new TransformResult(out, List.copyOf(plans), nanos, ids, idOffsets, placeholders, forms);
    }

    private MethodPlan planFor(AnnotatedMethod am, MethodAnalysis analysis, boolean mayAddMembers) {
        if (!am.hasCode()) {
            return planner.planWithoutCode(am);
        }
        List<Loop> loops;
        try {
            loops = analysis.loops();
        } catch (AnalyzerException e) {
            return planner.planUnanalysable(am, e.getMessage());
        }
        return planner.plan(am, analysis, loops, mayAddMembers);
    }

    private static String describe(List<MethodPlan> plans) {
        StringBuilder b = new StringBuilder();
        for (MethodPlan p : plans) {
            b.append(p.describe()).append('\n');
        }
        return b.toString();
    }

    /**
     * @param loader the defining loader
     * @param am     an annotated method
     * @return a key unique to the method in this JVM, stable across retransformation
     */
    public static String key(ClassLoader loader, AnnotatedMethod am) {
        return TimingIds.key(loader, am.owner(), am.method().name, am.method().desc);
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    /** The failure of one annotated method's rewrite, by its index among the annotated methods. */
    private static final class MethodFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final int index;

        MethodFailure(int index, Throwable cause) {
            super(cause);
            this.index = index;
        }
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long x : a) {
            s += x;
        }
        return s;
    }
}
