package sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PrefixTest {

    @Test
    void prefixSum() {
        long[] a = {1, 2, 3, 4};
        Prefix.prefixSum(a);
        assertArrayEquals(new long[] {1, 3, 6, 10}, a);
    }
}
