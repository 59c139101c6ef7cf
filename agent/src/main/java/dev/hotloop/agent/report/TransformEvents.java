package dev.hotloop.agent.report;

import jdk.jfr.FlightRecorder;

/**
 * Emits a {@link TransformEvent} per transformed method while a Flight Recorder recording can run.
 * Without the {@code jdk.jfr} module nothing of it is touched; without an initialized recorder the
 * cost is one static read: the event class is not loaded (loading one without the recorder costs a
 * few hundred milliseconds and about a hundred classes).
 */
final class TransformEvents {

    private static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    private TransformEvents() {
    }

    /** @param r what the agent did to one method */
    static void emit(MethodRecord r) {
        if (!PRESENT || !FlightRecorder.isInitialized()) {
            return;
        }
        try {
            TransformEvent.emit(r);
        } catch (RuntimeException | LinkageError e) {
            // no event then; class loading goes on
        }
    }
}
