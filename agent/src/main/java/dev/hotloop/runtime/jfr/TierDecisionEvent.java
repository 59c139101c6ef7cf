package dev.hotloop.runtime.jfr;

import dev.hotloop.runtime.tier.TierRecord;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A tiered SIMD loop's measurement chose the form that runs from now on (or could not measure). */
@Name("dev.hotloop.TierDecision")
@Label("Hotloop Tier Decision")
@Category("Hotloop")
@Description("The SIMD form of a loop measured against its original loop, both compiled, on a copy of its inputs")
@StackTrace(false)
final class TierDecisionEvent extends jdk.jfr.Event {

    @Label("Site")
    @Description("Class.method(params) line N")
    String site;

    @Label("SIMD Form")
    String simdForm;

    @Label("Runs")
    @Description("simd, original (measured slower) or unmeasured")
    String runs;

    @Label("Speed-up")
    @Description("Original time over SIMD time; NaN when not measured")
    double speedup;

    @Label("SIMD Time per Call")
    @Timespan(Timespan.NANOSECONDS)
    long simdPerCall;

    @Label("Original Time per Call")
    @Timespan(Timespan.NANOSECONDS)
    long originalPerCall;

    @Label("Warm-up Time")
    @Timespan(Timespan.NANOSECONDS)
    long warmup;

    @Label("Not Measured Because")
    String reason;

    static void emit(TierRecord r) {
        TierDecisionEvent e = new TierDecisionEvent();
        if (!e.shouldCommit()) {
            return;
        }
        e.site = r.site();
        e.simdForm = r.summary();
        e.runs = !r.measured() ? "unmeasured" : r.simd() ? "simd" : "original";
        e.speedup = r.speedup();
        e.simdPerCall = Math.round(r.simdNanos());
        e.originalPerCall = Math.round(r.scalarNanos());
        e.warmup = r.warmupNanos();
        e.reason = r.reason();
        e.commit();
    }
}
