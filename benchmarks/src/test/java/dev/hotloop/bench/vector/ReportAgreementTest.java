package dev.hotloop.bench.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportAgreementTest {

    /** A fork of the reported benchmark as JMH logs it, with the exit table and the summary line below it. */
    private static final List<String> LOG = List.of(
            "# Benchmark: dev.hotloop.bench.vector.ReportedKernelBenchmark.hypot",
            "# Parameters: (size = 100000)",
            "Iteration   1: 87254.873 ns/op",
            "[hotloop]  method                                                       rewrite or reason     transform   calls  first call  steady/call   total",
            "[hotloop]  dev.hotloop.bench.vector.ScalarKernels.hypot(float[],float[],float[])   SIMD float/double x8; the original loop runs (SIMD measured    6.82 ms  53,322     7.37 ms     89.5 µs  6.59 s",
            "[hotloop]                                                                       0.97x)",
            "[hotloop]   dev.hotloop.bench.vector.ScalarKernels.hypot(float[],float[],float[]) line 160: kept the original loop: 89 us vs 86 us",
            "Result \"dev.hotloop.bench.vector.ReportedKernelBenchmark.hypot\":",
            "  91,116.6 ±(99.9%) 11087.811 ns/op [Average]",
            "# Benchmark: dev.hotloop.bench.vector.ReportedKernelBenchmark.dotFloat",
            "# Parameters: (size = 1000)",
            "[hotloop]  dev.hotloop.bench.vector.ScalarKernels.dotFloat(float[],float[])   SIMD float x16, reduction +, unroll 4, fastMath; runs, 2.82x   10.29 ms  85,913,604     26.1 µs        80 ns  6.84 s",
            "Result \"dev.hotloop.bench.vector.ReportedKernelBenchmark.dotFloat\":",
            "  60.1 ±(99.9%) 1.2 ns/op [Average]");

    @Test
    void eachForkPairsItsExitTableRowWithJmhsScore() {
        List<ReportAgreement.Row> rows = ReportAgreement.rows(LOG);
        assertEquals(2, rows.size());
        ReportAgreement.Row hypot = rows.get(0);
        assertEquals("hypot", hypot.kernel());
        assertEquals(100_000, hypot.size());
        assertEquals(91_116.6, hypot.jmhNanos(), 1e-9);
        assertEquals(89_500, hypot.reportNanos(), 1e-6, "the table row, not the summary line below it");
        assertTrue(hypot.agrees());
        ReportAgreement.Row dot = rows.get(1);
        assertEquals(80, dot.reportNanos(), 1e-9);
        assertFalse(dot.agrees(), "80 ns against 60.1 is 33 % off");
        assertTrue(ReportAgreement.markdown(rows).contains("| dotFloat | 1,000 | 60.1 | 80.0 | 1.33 | **NO** |"),
                ReportAgreement.markdown(rows));
    }

    @Test
    void durationsInEveryUnit() {
        assertEquals(80, ReportAgreement.steadyNanos("[hotloop]  m  r  1 ms  5  2 µs  80 ns  1 s"), 1e-9);
        assertEquals(1_500, ReportAgreement.steadyNanos("[hotloop]  m  r  1 ms  5  2 µs  1.5 µs  1 s"), 1e-9);
        assertEquals(2_340_000, ReportAgreement.steadyNanos("[hotloop]  m  r  1 ms  5  2 µs  2.34 ms  1 s"), 1e-6);
        assertEquals(-1, ReportAgreement.steadyNanos("[hotloop]  m  r  1 ms  0  -  -  -"), 1e-9);
    }

    @Test
    void aForkWithoutItsRowHasNoReport() {
        List<ReportAgreement.Row> rows = ReportAgreement.rows(List.of(
                "# Benchmark: dev.hotloop.bench.vector.ReportedKernelBenchmark.sumInt",
                "# Parameters: (size = 1000)",
                "Result \"dev.hotloop.bench.vector.ReportedKernelBenchmark.sumInt\":",
                "  38.7 ±(99.9%) 1.0 ns/op [Average]"));
        assertEquals(1, rows.size());
        assertEquals(-1, rows.get(0).reportNanos(), 1e-9);
        assertFalse(rows.get(0).agrees());
    }
}
