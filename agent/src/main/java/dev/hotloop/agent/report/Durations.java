package dev.hotloop.agent.report;

/** Formats nanoseconds for people: {@code 850 ns}, {@code 12.3 µs}, {@code 4.56 ms}, {@code 2.10 s}. */
final class Durations {

    private Durations() {
    }

    static String format(double nanos) {
        if (nanos < 0) {
            return "-";
        }
        if (nanos < 999.5) { // rounds below 1000 ns
            return Decimals.fixed(nanos, 0) + " ns";
        }
        if (nanos < 999_950) { // rounds below 1000.0 µs
            return Decimals.fixed(nanos / 1e3, 1) + " µs";
        }
        if (nanos < 999_995_000) { // rounds below 1000.00 ms
            return Decimals.fixed(nanos / 1e6, 2) + " ms";
        }
        return Decimals.fixed(nanos / 1e9, 2) + " s";
    }

    /**
     * Milliseconds with one decimal, as the load-time line prints them: {@code 12.3}. Built by hand
     * because it runs while a class loads, where {@code String.format} would first load the
     * formatter, regular expressions and locale data (about 15 ms of the first annotated class).
     *
     * @param nanos a duration, at least 0
     */
    static String millisOneDecimal(long nanos) {
        long tenths = Math.round(nanos / 1e5);
        return tenths / 10 + "." + tenths % 10;
    }
}
