package dev.hotloop.agent.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogLevelTest {

    @Test
    void eachThresholdAllowsItsLevelAndLessDetailedOnes() {
        for (LogLevel threshold : LogLevel.values()) {
            for (LogLevel level : LogLevel.values()) {
                boolean expected = level != LogLevel.OFF && threshold != LogLevel.OFF && level.ordinal() <= threshold.ordinal();
                assertEquals(expected, threshold.allows(level), threshold + " allows " + level);
            }
        }
        assertTrue(LogLevel.INFO.allows(LogLevel.WARN));
        assertFalse(LogLevel.WARN.allows(LogLevel.INFO));
    }
}
