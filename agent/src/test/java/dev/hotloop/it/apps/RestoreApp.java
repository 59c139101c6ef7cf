package dev.hotloop.it.apps;

import dev.hotloop.Vectorize;
import dev.hotloop.runtime.tier.TierRecord;
import dev.hotloop.runtime.tier.Tiers;

/**
 * A loop whose SIMD form is counted slower whatever it measures (policy
 * {@code MEASURE_THEN_SCALAR}): it settles on its original form, and the agent gives the method its
 * original bytecode back by retransforming the class. Prints the decision, then the results of calls
 * made before and after the restore, which must equal the plain JVM's ({@code plain} mode: no agent).
 */
public final class RestoreApp {

    private RestoreApp() {
    }

    @Vectorize
    static void saxpy(float a, float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = a * x[i] + y[i];
        }
    }

    private static String checksum(float[] y) {
        long h = 17;
        for (float v : y) {
            h = h * 31 + Float.floatToRawIntBits(v);
        }
        return Long.toHexString(h);
    }

    public static void main(String[] args) throws Exception {
        boolean plain = args.length > 0 && args[0].equals("plain");
        if (!plain) {
            Tiers.configure(Tiers.Policy.MEASURE_THEN_SCALAR, System.err);
            Tiers.sampleAfter(0);
            Tiers.budget(300_000_000L);
        }
        float[] x = new float[1003];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.25f - 7f;
        }
        float[] y = new float[x.length];
        int calls = 0;
        // until the loop settles (a measurement, then its confirmation), at most 20 s
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (calls < 200 || !plain && Tiers.records().isEmpty() && System.nanoTime() < deadline) {
            saxpy(0.5f, x, y);
            calls++;
            Thread.sleep(calls % 50 == 0 ? 1 : 0);
        }
        if (!plain) {
            for (TierRecord r : Tiers.records()) {
                System.out.println("decided: " + (r.simd() ? "SIMD" : "original"));
            }
            System.out.println("idle: " + Tiers.awaitIdle(20_000_000_000L));
        }
        // the same work in both modes from here: the calls so far differ in number
        java.util.Arrays.fill(y, 1f);
        for (int r = 0; r < 100; r++) {
            saxpy(0.5f, x, y);
        }
        System.out.println("after: " + checksum(y));
    }
}
