package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Loops DESIGN §2 never rewrites: each must be kept as written, with a reason. Only the reasons
 * whose words DESIGN §5 fixes are asserted; the others must merely be refused.
 */
public final class RefusedKernels {

    private static final Object LOCK = new Object();
    private static float total;

    private RefusedKernels() {
    }

    @Vectorize
    @Expect(rewritten = false, contains = "loop-carried dependence")
    public static void prefixSum(long[] a, long x) {
        for (int i = 1; i < a.length; i++) { // @loop:prefixSum
            a[i] = a[i - 1] + x;
        }
    }

    @Vectorize
    @Expect(rewritten = false, contains = "loop-carried dependence")
    public static void recurrence(float[] a, float k) {
        for (int i = 2; i < a.length; i++) { // @loop:recurrence
            a[i] = a[i - 2] * k + a[i];
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

    /** A store at {@code 2 i}: not {@code i + c}. */
    @Vectorize
    @Expect(rewritten = false)
    public static void strided(float[] a, float[] out) {
        for (int i = 0; i < a.length / 2; i++) { // @loop:strided
            out[2 * i] = a[i];
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
    public static int firstNegative(double[] a) {
        int found = -1;
        for (int i = 0; i < a.length; i++) { // @loop:firstNegative
            if (a[i] < 0) {
                found = i;
                break;
            }
        }
        return found;
    }

    @Vectorize
    @Expect(rewritten = false)
    public static int indexOf(int[] a, int key) {
        for (int i = 0; i < a.length; i++) { // @loop:indexOf
            if (a[i] == key) {
                return i;
            }
        }
        return -1;
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

    /**
     * Thirty branches in a row, each reading the value the one before merged: if-converted, the
     * stored value is a tree of about 10^15 nodes (a DAG of 150). The fuzzer found the shape
     * (seed 2060791): printing the refusal ran out of memory. The lifter now refuses the loop
     * when a value passes {@code TreeSize.LIMIT} nodes.
     */
    @Vectorize
    @Expect(rewritten = false, contains = "split the loop into smaller loops")
    public static void longBranchChain(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:longBranchChain
            int x = a[i];
            if (x > 1) {
                x = x * 3;
            } else {
                x = x + 1;
            }
            if (x > 2) {
                x = x * 3;
            } else {
                x = x + 2;
            }
            if (x > 3) {
                x = x * 3;
            } else {
                x = x + 3;
            }
            if (x > 4) {
                x = x * 3;
            } else {
                x = x + 4;
            }
            if (x > 5) {
                x = x * 3;
            } else {
                x = x + 5;
            }
            if (x > 6) {
                x = x * 3;
            } else {
                x = x + 6;
            }
            if (x > 7) {
                x = x * 3;
            } else {
                x = x + 7;
            }
            if (x > 8) {
                x = x * 3;
            } else {
                x = x + 8;
            }
            if (x > 9) {
                x = x * 3;
            } else {
                x = x + 9;
            }
            if (x > 10) {
                x = x * 3;
            } else {
                x = x + 10;
            }
            if (x > 11) {
                x = x * 3;
            } else {
                x = x + 11;
            }
            if (x > 12) {
                x = x * 3;
            } else {
                x = x + 12;
            }
            if (x > 13) {
                x = x * 3;
            } else {
                x = x + 13;
            }
            if (x > 14) {
                x = x * 3;
            } else {
                x = x + 14;
            }
            if (x > 15) {
                x = x * 3;
            } else {
                x = x + 15;
            }
            if (x > 16) {
                x = x * 3;
            } else {
                x = x + 16;
            }
            if (x > 17) {
                x = x * 3;
            } else {
                x = x + 17;
            }
            if (x > 18) {
                x = x * 3;
            } else {
                x = x + 18;
            }
            if (x > 19) {
                x = x * 3;
            } else {
                x = x + 19;
            }
            if (x > 20) {
                x = x * 3;
            } else {
                x = x + 20;
            }
            if (x > 21) {
                x = x * 3;
            } else {
                x = x + 21;
            }
            if (x > 22) {
                x = x * 3;
            } else {
                x = x + 22;
            }
            if (x > 23) {
                x = x * 3;
            } else {
                x = x + 23;
            }
            if (x > 24) {
                x = x * 3;
            } else {
                x = x + 24;
            }
            if (x > 25) {
                x = x * 3;
            } else {
                x = x + 25;
            }
            if (x > 26) {
                x = x * 3;
            } else {
                x = x + 26;
            }
            if (x > 27) {
                x = x * 3;
            } else {
                x = x + 27;
            }
            if (x > 28) {
                x = x * 3;
            } else {
                x = x + 28;
            }
            if (x > 29) {
                x = x * 3;
            } else {
                x = x + 29;
            }
            if (x > 30) {
                x = x * 3;
            } else {
                x = x + 30;
            }
            out[i] = x;
        }
    }
}
