package dev.hotloop.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void tableAlignsColumns() {
        List<Row> rows = List.of(
                new Row("a", "1M", "strict", 12_345_678, 1_500, "3.0"),
                new Row("longer name", "17", "fastMath", 1_000, 123_456_789, "-1.5E7"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultTable.print(rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(4, lines.length);
        int checksumColumn = lines[0].indexOf("checksum");
        assertEquals(checksumColumn, lines[2].indexOf("3.0"));
        assertEquals(checksumColumn, lines[3].indexOf("-1.5E7"));
        // Right-aligned numbers end where their header ends.
        int steadyEnd = lines[0].indexOf("steady (us/call)") + "steady (us/call)".length();
        assertEquals(steadyEnd, lines[2].indexOf("1.5") + "1.5".length());
        assertEquals(steadyEnd, lines[3].indexOf("123456.8") + "123456.8".length());
        assertEquals(lines[0].length(), lines[1].length());
    }

    @Test
    void checksumsAreSumsInIndexOrder() {
        assertEquals("3.0", Checksum.of(new double[] {1, 2}));
        assertEquals("0.5", Checksum.of(new float[] {0.25f, 0.25f}));
        assertEquals("-7", Checksum.of(-7));
    }

    @Test
    void inputsAreReproducible() {
        assertArrayEquals(Inputs.doubles(100, 1), Inputs.doubles(100, 1));
        assertArrayEquals(Inputs.floats(100, 1), Inputs.floats(100, 1));
        assertArrayEquals(Inputs.ints(100, 1), Inputs.ints(100, 1));
        assertArrayEquals(Inputs.pairs(10, 1).get(9), Inputs.pairs(10, 1).get(9));
        for (double v : Inputs.doubles(1000, 2)) {
            assertEquals(true, v >= -1 && v < 1, "value " + v);
        }
    }
}
