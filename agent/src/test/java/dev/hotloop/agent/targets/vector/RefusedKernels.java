package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Loops DESIGN §2 never rewrites: each must be kept as written, with a reason. Only the reasons
 * whose words DESIGN §5 fixes are asserted; the others must merely be refused.
 */
public final class RefusedKernels {

    private static final Object LOCK = new Object();
    private static float total;
    private static volatile int volatileLimit;

    private RefusedKernels() {
    }

    /**
     * A product's NaN gets the sign bit x86 picks by operand order, which scalar and SIMD code need
     * not share (fuzz seed 30000050 under C2); Math.copySign would show it.
     */
    @Vectorize
    @Expect(rewritten = false, contains = "use StrictMath.copySign")
    public static void copySignOfProduct(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:copySignOfProduct
            out[i] = Math.copySign(a[i], a[i] * b[i]);
        }
    }

    /** Integer and Long methods other than the bit counts and reversals have no lane form. */
    @Vectorize
    @Expect(rewritten = false, contains = "Integer.highestOneBit(), which has no SIMD form")
    public static void highestOneBit(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:highestOneBit
            out[i] = Integer.highestOneBit(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = false, contains = "loop-carried dependence")
    public static void prefixSum(long[] a, long x) {
        for (int i = 1; i < a.length; i++) { // @loop:prefixSum
            a[i] = a[i - 1] + x;
        }
    }

    /** Distance 2: once refused, now two float lanes (DistanceKernels has the others). */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float x2")
    public static void recurrence(float[] a, float k) {
        for (int i = 2; i < a.length; i++) { // @loop:recurrence
            a[i] = a[i - 2] * k + a[i];
        }
    }

    /** Another thread may lower the limit while the loop runs; plain Java sees it at the next test. */
    @Vectorize
    @Expect(rewritten = false, contains = "reads the volatile field")
    public static void volatileBound(float[] a) {
        for (int i = 0; i < volatileLimit; i++) { // @loop:volatileBound
            a[i] = a[i] * 2f;
        }
    }

    /** A store at a non-affine index. */
    @Vectorize
    @Expect(rewritten = false)
    public static void histogram(int[] keys, int[] h) {
        for (int i = 0; i < keys.length; i++) { // @loop:histogram
            h[keys[i]]++;
        }
    }

    @Vectorize
    @Expect(rewritten = false)
    public static void printEach(int[] a) {
        for (int i = 0; i < a.length; i++) { // @loop:printEach
            if (a[i] == Integer.MIN_VALUE + 3) {
                System.out.println(a[i]);
            }
        }
    }

    @Vectorize
    @Expect(rewritten = false)
    public static float accumulateInField(float[] a) {
        total = 0;
        for (int i = 0; i < a.length; i++) { // @loop:accumulateInField
            total += a[i];
        }
        return total;
    }

    @Vectorize
    @Expect(rewritten = false)
    public static long allocating(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:allocating
            int[] pair = {a[i], i};
            s += pair[0] + pair[1];
        }
        return s;
    }

    @Vectorize
    @Expect(rewritten = false)
    public static void synchronizedBody(int[] a) {
        for (int i = 0; i < a.length; i++) { // @loop:synchronizedBody
            synchronized (LOCK) {
                a[i] += 1;
            }
        }
    }

    @Vectorize
    @Expect(rewritten = false)
    public static void variableStep(float[] a, int step) {
        for (int i = 0; i < a.length; i += step) { // @loop:variableStep
            a[i] = -a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = false)
    public static void charsUpper(char[] a) {
        for (int i = 0; i < a.length; i++) { // @loop:charsUpper
            a[i] = Character.toUpperCase(a[i]);
        }
    }

    @Vectorize
    @Expect(rewritten = false)
    public static long longIndex(long[] a) {
        long s = 0;
        for (long i = 0; i < a.length; i++) { // @loop:longIndex
            s += a[(int) i];
        }
        return s;
    }

    /** One branch as a small callee: inlined, its two returns merge into one select. */
    private static int branch(int x, int k) {
        if (x > k) {
            return x * 3;
        }
        return x + k;
    }

    /**
     * Twenty inlined branches in a row, each reading the value the one before merged: the stored
     * value is a DAG of about a hundred nodes and a tree of billions. The fuzzer found the shape
     * as thirty {@code if/else} statements in the loop body (seed 2060791, in {@code regressions.txt}):
     * printing the refusal ran out of memory. The lifter now refuses the loop as soon as a value
     * passes {@code TreeSize.LIMIT} nodes.
     */
    @Vectorize
    @Expect(rewritten = false, contains = "split the loop into smaller loops")
    public static void longBranchChain(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:longBranchChain
            int x = a[i];
            x = branch(branch(branch(branch(branch(x, 1), 2), 3), 4), 5);
            x = branch(branch(branch(branch(branch(x, 6), 7), 8), 9), 10);
            x = branch(branch(branch(branch(branch(x, 11), 12), 13), 14), 15);
            x = branch(branch(branch(branch(branch(x, 16), 17), 18), 19), 20);
            out[i] = x;
        }
    }
}
