package sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PrefixTest {

    @Test
    void noAgent() {
        assertNull(System.getProperty("hotloop.agent.version"), "the hotloop agent runs although skip=true");
        assertEquals("set", System.getProperty("sample.marker"), "the rest of the argLine was lost");
    }

    @Test
    void prefixSumRunsUnchanged() {
        long[] a = {1, 2, 3, 4};
        Prefix.prefixSum(a);
        assertArrayEquals(new long[] {1, 3, 6, 10}, a);
    }
}
