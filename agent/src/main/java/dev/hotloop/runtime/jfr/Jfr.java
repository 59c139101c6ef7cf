package dev.hotloop.runtime.jfr;

import dev.hotloop.runtime.MethodStats;
import dev.hotloop.runtime.Timings;
import dev.hotloop.runtime.tier.TierRecord;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.FlightRecorder;

/**
 * The gate to the Flight Recorder. No {@code jdk.jfr} class is touched unless the module is in the
 * boot layer, and no event class is loaded until the recorder is initialized (a recording was
 * started, at launch or later by {@code jcmd}): loading an event class without the recorder costs
 * a program a few hundred milliseconds and about a hundred classes, which a run without a
 * recording must not pay. {@link FlightRecorder#isInitialized()} itself is one static read.
 */
public final class Jfr {

    private static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.jfr").isPresent();
    private static final AtomicBoolean PERIODIC = new AtomicBoolean();

    private Jfr() {
    }

    /** @return whether events can be recorded now: the module is there and the recorder initialized */
    public static boolean recording() {
        return PRESENT && FlightRecorder.isInitialized();
    }

    /**
     * Arranges for {@link MethodTimingEvent}s to be emitted at the end of every chunk once the
     * recorder is initialized. Called as each method registers its timings (at class load): a
     * recording started before the last annotated class loads gets the events. Nothing is
     * registered without a recording: a listener for a later start alone would load about twenty
     * {@code jdk.jfr} classes, {@code jdk.jfr.Event} among them, into every run.
     */
    public static void watch() {
        if (PERIODIC.get() || !recording()) {
            return;
        }
        if (PERIODIC.compareAndSet(false, true)) {
            try {
                FlightRecorder.addPeriodicEvent(MethodTimingEvent.class, Jfr::emitTimings);
            } catch (RuntimeException | LinkageError e) {
                // no timing events then; the program is not disturbed
            }
        }
    }

    private static void emitTimings() {
        for (MethodStats stats : Timings.all()) {
            MethodTimingEvent.emit(stats);
        }
    }

    /** @param r a tiered loop's decision, recorded when a recording runs */
    public static void tierDecided(TierRecord r) {
        if (recording()) {
            try {
                TierDecisionEvent.emit(r);
            } catch (RuntimeException | LinkageError e) {
                // no event then
            }
        }
    }
}
