package sample;

import dev.hotloop.Vectorize;

public final class Prefix {

    private Prefix() {
    }

    /** Each element depends on the one before: no SIMD form keeps the result. */
    @Vectorize
    public static void prefixSum(long[] a) {
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i - 1] + a[i];
        }
    }
}
