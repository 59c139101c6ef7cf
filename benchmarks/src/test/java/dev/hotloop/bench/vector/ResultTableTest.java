package dev.hotloop.bench.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hotloop.bench.vector.ResultTable.Score;
import dev.hotloop.bench.vector.ResultTable.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void rowsByKernelAndSizeWithRatiosAndDashesForWhatDidNotRun() {
        List<Score> scores = List.of(
                new Score("sumInt", Variant.HAND, 1000, 0.0625),
                new Score("dotFloat", Variant.PLAIN, 1_000_000, 1.0),
                new Score("dotFloat", Variant.AGENT, 1000, 0.125),
                new Score("dotFloat", Variant.PLAIN, 1000, 0.8),
                new Score("dotFloat", Variant.HAND, 1000, 0.1),
                new Score("sumInt", Variant.PLAIN, 1000, 0.25));

        String table = ResultTable.markdown(scores, "dotFloat"::equals);

        assertEquals("""
                | kernel | mode | size | plain ns/elem | agent ns/elem | hand ns/elem | agent vs plain | agent / hand |
                |---|---|---:|---:|---:|---:|---:|---:|
                | dotFloat | fastMath | 1,000 | 0.800 | 0.125 | 0.100 | 6.40x | 1.25x |
                | dotFloat | fastMath | 1,000,000 | 1.00 | — | — | — | — |
                | sumInt | strict | 1,000 | 0.250 | — | 0.0625 | — | — |
                """, table);
    }

    @Test
    void timesKeepThreeSignificantDigits() {
        String table = ResultTable.markdown(List.of(
                new Score("k", Variant.PLAIN, 1, 123.456),
                new Score("k", Variant.AGENT, 1, 0.0123456),
                new Score("k", Variant.HAND, 1, 4.5678)), k -> false);

        assertEquals("| k | strict | 1 | 123 | 0.0123 | 4.57 | 10000.00x | 0.00x |",
                table.lines().skip(2).findFirst().orElseThrow());
    }
}
