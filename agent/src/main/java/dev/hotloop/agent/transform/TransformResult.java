package dev.hotloop.agent.transform;

import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.cache.CacheEntry;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.report.LoopRecord;
import dev.hotloop.agent.report.MethodRecord;
import dev.hotloop.agent.report.MethodReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of transforming one class.
 *
 * @param bytes     the new class file, or null to keep the original
 * @param plans     one per annotated method
 * @param nanos     time spent per plan, same order
 * @param ids       timing id per plan, same order, -1 where the method is not timed
 * @param idOffsets per plan, same order, where in {@code bytes} the 4-byte value of the
 *                  {@code CONSTANT_Integer} that holds its timing id sits, or -1 where not timed
 *                  (see {@link TimingIds})
 * @param placeholders per plan, same order, the value that stood at its offset before the id was
 *                  patched in; a cache entry stores the class file with these values
 * @param forms     the outlined forms of its tiered loops, kept out of the class, or null for none
 */
public record TransformResult(byte[] bytes, List<MethodPlan> plans, long[] nanos, int[] ids, int[] idOffsets,
                              int[] placeholders, LoopForms forms) {

    static final TransformResult UNCHANGED = new TransformResult(null, List.of(), new long[0], new int[0], new int[0], new int[0],
            null);

    /** @return what the load-time report says about each plan, same order */
    public List<MethodReport> reports() {
        List<MethodReport> out = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            MethodPlan p = plans.get(i);
            MethodRecord r = new MethodRecord(ids[i], p.method().displayName(), p.line(), p.rewrite(), p.reportLine(), nanos[i],
                    loops(p));
            out.add(new MethodReport(r, p.method().has(HotloopAnnotation.Kind.VECTORIZE)));
        }
        return out;
    }

    private static List<LoopRecord> loops(MethodPlan p) {
        List<LoopRecord> out = new ArrayList<>(p.decisions().size());
        for (LoopDecision d : p.decisions()) {
            String kind = d.annotation().kind() == HotloopAnnotation.Kind.VECTORIZE ? LoopRecord.VECTORIZE : LoopRecord.PARALLEL;
            out.add(new LoopRecord(d.line(), kind, d.rewritten(), d.summary(), d.code()));
        }
        return List.copyOf(out);
    }

    /**
     * @param className internal name of the class, for a class without annotated methods
     * @return the entry a later run replays instead of this transform: the class file with its
     *     timing-id placeholders back in place, and each method's report
     */
    CacheEntry toCacheEntry(String className) {
        byte[] template = bytes == null ? null : bytes.clone();
        List<CacheEntry.Method> methods = new ArrayList<>(plans.size());
        List<MethodReport> reports = reports();
        String owner = className;
        for (int i = 0; i < plans.size(); i++) {
            MethodPlan p = plans.get(i);
            owner = p.method().owner();
            if (template != null && idOffsets[i] >= 0) {
                TimingIds.writeInt(template, idOffsets[i], placeholders[i]);
            }
            MethodRecord r = reports.get(i).record();
            methods.add(new CacheEntry.Method(p.method().method().name, p.method().method().desc,
                    template == null ? -1 : idOffsets[i], placeholders[i], r.method(), r.line(), r.rewrite(), r.diagnostic(),
                    r.transformNanos(), reports.get(i).needsVectorApi(), r.loops()));
        }
        return new CacheEntry(owner, template, List.copyOf(methods));
    }
}
