package dev.hotloop.agent.report;

import java.util.Locale;

/** Formats nanoseconds for people: {@code 850 ns}, {@code 12.3 µs}, {@code 4.56 ms}, {@code 2.10 s}. */
final class Durations {

    private Durations() {
    }

    static String format(double nanos) {
        if (nanos < 0) {
            return "-";
        }
        if (nanos < 999.5) { // rounds below 1000 ns
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 999_950) { // rounds below 1000.0 µs
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 999_995_000) { // rounds below 1000.00 ms
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
