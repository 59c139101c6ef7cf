package dev.hotloop.bench.runlength;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunLengthBenchmarkTest {

    @Test
    void transformTimesAreReadFromTheLoadTimeLinesInOrder() {
        String stderr = String.join("\n",
                "WARNING: Using incubator modules: jdk.incubator.vector",
                "[hotloop] k.K.dot(float[],float[]) line 18: SIMD float x16, reduction +, unroll 4, fastMath (transform 35.2 ms)",
                "[hotloop] k.K.sum(int[]) line 27: SIMD int x16, reduction +, unroll 4 (transform 7 ms)",
                "[hotloop]  method   rewrite   transform  calls",
                "[hotloop] k.K.dot(float[],float[]) line 18   SIMD float x16   35.2 ms   1");
        assertEquals(List.of(35.2, 7.0), RunLengthBenchmark.transformMillis(stderr));
    }

    @Test
    void theSummaryGivesMediansOfFirstAndFurtherMethods() {
        String line = RunLengthBenchmark.transformLine(List.of(40.0, 30.0, 35.0), List.of(7.0, 6.0, 9.0, 8.0));
        assertTrue(line.contains("first method 35.0 ms (median of 3 JVMs"), line);
        assertTrue(line.contains("each further method 8.00 ms (median of 4"), line);
        assertEquals("", RunLengthBenchmark.transformLine(List.of(), List.of()));
    }
}
