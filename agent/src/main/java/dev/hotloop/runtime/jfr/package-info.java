/**
 * Flight Recorder events of the runtime, in the {@code dev.hotloop} namespace: each method's
 * calls and times ({@link dev.hotloop.runtime.jfr.MethodTimingEvent}, at the end of every chunk and
 * so at the end of a recording) and each tiered loop's measured choice
 * ({@link dev.hotloop.runtime.jfr.TierDecisionEvent}). Event classes are loaded only while a
 * recording can run ({@link dev.hotloop.runtime.jfr.Jfr}): loading one without the Flight
 * Recorder costs a program a few hundred milliseconds.
 */
package dev.hotloop.runtime.jfr;
