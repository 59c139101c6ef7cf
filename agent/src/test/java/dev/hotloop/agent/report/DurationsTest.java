package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Units step up where the rounded number would reach 1000, so that no cell reads {@code 1000.0 µs}. */
class DurationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1            | -",
        "0             | 0 ns",
        "850           | 850 ns",
        "999           | 999 ns",
        "999.4         | 999 ns",
        "999.5         | 1.0 µs",
        "1000          | 1.0 µs",
        "12345         | 12.3 µs",
        "999949        | 999.9 µs",
        "999950        | 1.00 ms",
        "999999        | 1.00 ms",
        "1000000       | 1.00 ms",
        "4560000       | 4.56 ms",
        "999000000     | 999.00 ms",
        "999994999     | 999.99 ms",
        "999995000     | 1.00 s",
        "1000000000    | 1.00 s",
        "2100000000    | 2.10 s",
        "3600000000000 | 3600.00 s",
    })
    void formats(double nanos, String text) {
        assertEquals(text, Durations.format(nanos));
    }

    /** The load-time line's milliseconds agree with {@code String.format("%.1f")} on these, halves rounding up. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0          | 0.0",
        "49999      | 0.0",
        "50000      | 0.1",
        "600000     | 0.6",
        "12345678   | 12.3",
        "12350000   | 12.4",
        "99960000   | 100.0",
        "263500000  | 263.5",
        "7200000000 | 7200.0",
    })
    void formatsLoadTimeMillis(long nanos, String text) {
        assertEquals(text, Durations.millisOneDecimal(nanos));
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6), text);
    }
}
