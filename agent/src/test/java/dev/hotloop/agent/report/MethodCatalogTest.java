package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodCatalogTest {

    private static MethodRecord record(int id, String method, String rewrite) {
        return new MethodRecord(id, method, 1, rewrite, "d", 1);
    }

    @Test
    void recordsKeepFirstTransformationOrder() {
        MethodCatalog c = new MethodCatalog();
        assertTrue(c.isEmpty());
        c.add(record(3, "a", "x"));
        c.add(record(1, "b", "x"));
        assertFalse(c.isEmpty());
        assertEquals(List.of("a", "b"), c.records().stream().map(MethodRecord::method).toList());
    }

    @Test
    void sameIdReplacesItsRecordInPlace() {
        MethodCatalog c = new MethodCatalog();
        c.add(record(3, "a", "first"));
        c.add(record(4, "b", "x"));
        c.add(record(3, "a", "retransformed"));
        assertEquals(List.of("retransformed", "x"), c.records().stream().map(MethodRecord::rewrite).toList());
    }

    @Test
    void untimedRecordsNeverReplaceEachOther() {
        MethodCatalog c = new MethodCatalog();
        c.add(record(-1, "a", "x"));
        c.add(record(-1, "a", "y"));
        assertEquals(2, c.records().size());
    }
}
