package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-built formats are String.format's, digit for digit. */
class DecimalsTest {

    private static final double[] EDGES = {0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 9.995, 9.9949, 99.95, 999.5,
        0.05, 0.0049, 0.00051, 1e-7, 4.9e-324, 123456789.987654, 1e15, 1.5e16, 9.999999999999999e22, 1e300, Double.MAX_VALUE,
        -1.25, -0.004, -999.995, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 12.345, 1_000_000.5, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_NORMAL};

    @Test
    void fixedDecimalsAreTheFormattersOnEdges() {
        for (double x : EDGES) {
            for (int d = 0; d <= 4; d++) {
                assertEquals(String.format(Locale.ROOT, "%." + d + "f", x), Decimals.fixed(x, d), x + " with " + d + " decimals");
            }
        }
    }

    @Test
    void fixedDecimalsAreTheFormattersOnRandomValues() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            double x = switch (i % 4) {
                case 0 -> r.nextDouble() * 1000;
                case 1 -> Math.round(r.nextDouble() * 1e6) / 1000.0 + (r.nextBoolean() ? 0.0005 : 0); // near ties
                case 2 -> Math.scalb(r.nextDouble(), r.nextInt(-30, 60));
                default -> r.nextLong(0, 10_000_000_000L) / 100.0;
            };
            int d = r.nextInt(0, 4);
            assertEquals(String.format(Locale.ROOT, "%." + d + "f", x), Decimals.fixed(x, d), x + " with " + d + " decimals");
        }
    }

    @Test
    void groupedAndPaddedAreTheFormatters() {
        for (long n : new long[] {0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 123_456_789_012L, Long.MAX_VALUE, -1, -1000, -123_456,
            Long.MIN_VALUE}) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), Decimals.grouped(n));
        }
        assertEquals(String.format(Locale.ROOT, "%-8s|", "abc"), Decimals.pad("abc", 8, true) + "|");
        assertEquals(String.format(Locale.ROOT, "%8s|", "abc"), Decimals.pad("abc", 8, false) + "|");
        assertEquals("abcdef", Decimals.pad("abcdef", 3, true));
    }
}
