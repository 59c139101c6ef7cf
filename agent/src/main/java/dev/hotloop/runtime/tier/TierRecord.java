package dev.hotloop.runtime.tier;

import java.util.Locale;

/**
 * What the measurement of one loop found: both forms' time per call once compiled, on the same
 * copy of the loop's first inputs, and the form that runs from then on.
 *
 * @param site        {@code Class.method(params) line N}
 * @param summary     the SIMD form, {@code SIMD float x16, reduction +}
 * @param simd        whether the SIMD form runs
 * @param simdNanos   the SIMD form's time per call (with the original loop's last iterations), or -1
 * @param scalarNanos the original loop's time per call, or -1
 * @param iterations  the iterations of the measured call, or -1
 * @param warmupNanos wall time the warm-up thread spent on the loop
 * @param reason      why the loop was not measured, or null
 */
public record TierRecord(String site, String summary, boolean simd, double simdNanos, double scalarNanos,
                         long iterations, long warmupNanos, String reason) {

    static TierRecord unmeasured(String site, String summary, String reason) {
        return new TierRecord(site, summary, false, -1, -1, -1, 0, reason);
    }

    /** @return original time over SIMD time, or NaN when not measured */
    public double speedup() {
        return simdNanos > 0 && scalarNanos > 0 ? scalarNanos / simdNanos : Double.NaN;
    }

    /** @return whether both forms were timed */
    public boolean measured() {
        return reason == null;
    }

    /** @return the line printed when the form is chosen, without the {@code [hotloop]} prefix */
    public String line() {
        if (!measured()) {
            return site + ": " + summary + " not measured: " + reason;
        }
        String figures = String.format(Locale.ROOT, "%s vs %s a call on %d iterations, both compiled; warm-up %.0f ms",
                micros(simdNanos), micros(scalarNanos), iterations, warmupNanos / 1e6);
        return simd
                ? String.format(Locale.ROOT, "%s: %s runs from now: %.2fx faster than the original loop (%s)",
                        site, summary, speedup(), figures)
                : String.format(Locale.ROOT, "%s: kept the original loop: %s measured %.2fx of its speed (%s)%s",
                        site, summary, speedup(), figures, speedup() * Trial.MARGIN >= 1
                                ? "; its rounds disagreed, so it could not be told apart from the original" : "");
    }

    private static String micros(double nanos) {
        return nanos >= 10_000 ? String.format(Locale.ROOT, "%.0f us", nanos / 1e3)
                : String.format(Locale.ROOT, "%.2f us", nanos / 1e3);
    }
}
