package dev.hotloop.bench.runlength;

/**
 * The program of the run-length benchmark (issue 9): a short-lived JVM that calls each of the six
 * {@link RunLengthKernels} {@code N} times, interleaved, over 1,000-element arrays, as a test in CI
 * calls a kernel a handful of times. It prints one line, {@code calls=N elapsed_ms=X checksum=Y strict=Z},
 * where {@code elapsed_ms} runs from the first statement of {@code main} (after the optional start-up
 * work) to the result and includes loading (and, with the agent, rewriting) the kernel class, which
 * happens inside that interval.
 * The checksum keeps every call alive and lets the driver compare variants.
 */
public final class RunLengthApp {

    /** Elements of every array. */
    static final int SIZE = 1000;
    /** The kernel class, loaded by name after the clock starts. */
    static final String KERNELS = "dev.hotloop.bench.runlength.RunLengthKernels";

    private RunLengthApp() {
    }

    /**
     * @param args {@code N}, the calls of each kernel, then optionally {@code STARTUP_MS}: milliseconds
     *             of work on the main thread before the clock starts, as a test runner loads and
     *             starts itself before the code under test
     * @throws ClassNotFoundException if the kernel class is missing
     */
    public static void main(String[] args) throws ClassNotFoundException {
        if (args.length != 1 && args.length != 2) {
            System.err.println("usage: RunLengthApp N [STARTUP_MS]   (calls of each kernel; work before the clock starts)");
            System.exit(2);
        }
        long busy = args.length == 2 ? startUp(Long.parseLong(args[1])) : 0;
        long t0 = System.nanoTime();
        long calls = Long.parseLong(args[0]);
        // Load (and initialise) the kernels here, after t0: with the agent this is the rewrite.
        Class.forName(KERNELS, true, RunLengthApp.class.getClassLoader());
        Sums sums = sums(calls);
        long elapsedNanos = System.nanoTime() - t0;
        System.out.println("calls=" + calls + " elapsed_ms=" + (elapsedNanos / 1_000_000.0) + " checksum=" + sums.total()
                + " strict=" + sums.strict() + (busy == 0 ? "" : " startup_work=" + busy));
    }

    /**
     * Works on this thread for about {@code millis} milliseconds: builds and hashes strings, as a
     * runner's start-up parses and loads.
     *
     * @return a value of the work, so that it is done
     */
    static long startUp(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long h = 1;
        while (System.nanoTime() < end) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                b.append(Long.toString(h * 31 + i, 36));
            }
            h = h * 31 + b.toString().hashCode();
        }
        return h == 0 ? 1 : h;
    }

    /**
     * Calls each kernel {@code calls} times in turn on fixed inputs.
     *
     * @param calls calls of each kernel
     * @return the sum of every result: reductions whole, element-wise kernels one element a call
     */
    static double run(long calls) {
        return sums(calls).total();
    }

    /**
     * @param total  the sum of every result
     * @param strict the sum of the strict kernels' results alone (sum, select, countAbove, hypot),
     *               which the agent must reproduce bit for bit; the fastMath ones (dot, sigmoid)
     *               may differ within their documented bounds
     */
    record Sums(double total, double strict) {
    }

    /** @return {@link #run}'s sum, and that of the strict kernels apart */
    static Sums sums(long calls) {
        float[] a = floats(1, 0f, 1f);
        float[] b = floats(2, 0f, 1f);
        float[] x = floats(3, -4f, 4f);
        int[] ints = ints(4);
        float[] out = new float[SIZE];
        double s = 0;
        double strict = 0;
        for (long c = 0; c < calls; c++) {
            int k = (int) (c % SIZE);
            s += RunLengthKernels.dot(a, b);
            RunLengthKernels.sigmoid(x, out);
            s += out[k];
            int sum = RunLengthKernels.sum(ints);
            s += sum;
            strict += sum;
            RunLengthKernels.select(a, b, out);
            s += out[k];
            strict += out[k];
            int count = RunLengthKernels.countAbove(a, 0.5f);
            s += count;
            strict += count;
            RunLengthKernels.hypot(a, b, out);
            s += out[k];
            strict += out[k];
        }
        return new Sums(s, strict);
    }

    /** @return {@link #SIZE} floats in {@code [from, to)} from a 64-bit LCG, the same on every JVM */
    static float[] floats(long seed, float from, float to) {
        float[] v = new float[SIZE];
        long r = seed;
        for (int i = 0; i < SIZE; i++) {
            r = r * 6364136223846793005L + 1442695040888963407L;
            v[i] = from + (to - from) * ((r >>> 40) / (float) (1L << 24));
        }
        return v;
    }

    /** @return {@link #SIZE} ints in {@code [-512, 512)} from the same generator */
    static int[] ints(long seed) {
        int[] v = new int[SIZE];
        long r = seed;
        for (int i = 0; i < SIZE; i++) {
            r = r * 6364136223846793005L + 1442695040888963407L;
            v[i] = (int) (r >> 54);
        }
        return v;
    }
}
