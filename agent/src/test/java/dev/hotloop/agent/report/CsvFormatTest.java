package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.testing.CsvReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

    private static final String HEADER = "method,line,outcome,rewrite,code,diagnostic,transform_ns,calls,first_call_ns,"
            + "steady_ns_per_call,total_ns,speedup";

    @Test
    void headerOnlyForNoRows() {
        assertEquals(HEADER + "\r\n", CsvFormat.format(List.of()));
    }

    @Test
    void fieldsWithCommasQuotesAndNewlinesRoundTrip() {
        String method = "a.B.dot(float[],float[])";
        String rewrite = "SIMD \"float\" x16, reduction +";
        String diagnostic = "line 1: a\r\nline 2: b, \"c\"";
        List<List<String>> records = CsvReader.read(CsvFormat.format(List.of(
                new ReportRow(method, 7, rewrite, diagnostic, 1_234, 5, 99, 12.345, 1_000.25))));
        assertEquals(2, records.size());
        assertEquals(Arrays.asList(HEADER.split(",")), records.get(0));
        assertEquals(List.of(method, "7", "rewritten", rewrite, "", diagnostic, "1234", "5", "99", "12.3", "1000.3", ""), records.get(1));
    }

    @Test
    void everyRecordHasTheHeadersFieldCount() {
        List<List<String>> records = CsvReader.read(CsvFormat.format(List.of(
                new ReportRow("x,y", -1, ",", "\"", 0, 0, -1, -1, 0),
                new ReportRow("", 1, "", "", 1, 1, 1, 1, 1))));
        for (List<String> r : records) {
            assertEquals(12, r.size(), r.toString());
        }
        assertEquals("", records.get(1).get(1), "unknown line: empty, not -1");
        assertEquals("", records.get(1).get(8), "never called: no first call");
        assertEquals("", records.get(1).get(9), "never called: no steady time");
    }

    @Test
    void textFieldsAreAlwaysQuoted() {
        String out = CsvFormat.format(List.of(new ReportRow("m", 1, "r", "d", 1, 1, 1, 1, 1)));
        assertTrue(out.endsWith("\"m\",1,rewritten,\"r\",,\"d\",1,1,1,1.0,1.0,\r\n"), out);
    }

    @Test
    void theReaderRejectsBrokenCsv() {
        assertThrows(IllegalArgumentException.class, () -> CsvReader.read("a\"b\r\n"));
        assertThrows(IllegalArgumentException.class, () -> CsvReader.read("\"a\r\n"));
        assertThrows(IllegalArgumentException.class, () -> CsvReader.read("a,b\n"));
    }
}
