package dev.hotloop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StrictTest {

    @Test
    void failThrowsTheDiagnosticAsAnError() {
        HotloopStrictError e = assertThrows(HotloopStrictError.class, () -> Strict.fail("a.B.m() line 3: not vectorized"));
        assertEquals("[hotloop strict] a.B.m() line 3: not vectorized", e.getMessage());
        assertFalse(Exception.class.isInstance(e), "a catch (Exception e) in the program must not hide it");
    }
}
