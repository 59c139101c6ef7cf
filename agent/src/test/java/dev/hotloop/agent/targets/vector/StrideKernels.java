package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Strided and reversed accesses (issue #12): {@code a[c - i]} as a contiguous chunk with its lanes
 * reversed, {@code a[k*i + c]} as a gather or scatter through an index map, the row-major diagonal
 * {@code a[i * n + i]} with a step known only at run time; and the pairs of accesses to one array
 * that must stay scalar because their lanes could meet.
 */
public final class StrideKernels {

    private StrideKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void reverseCopy(float[] a, float[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:reverseCopy
            out[i] = a[n - 1 - i];
        }
    }

    /** Reversed store; with SAME_ARRAY the same array is read forward and written reversed (the alias guard falls back). */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void reverseStore(int[] a, int[] out, int last) {
        for (int i = 0; i <= last; i++) { // @loop:reverseStore
            out[last - i] = a[i] * 3 + 1;
        }
    }

    /** A falling loop over a reversed read and a forward read: both meet the chunk from its top. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void fallingReversed(double[] a, double[] b, double[] out, int last) {
        for (int i = last; i >= 0; i--) { // @loop:fallingReversed
            out[i] = a[last - i] - b[i];
        }
    }

    /** Reversed load and store under a condition: the store scatters lane by lane with its mask. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD long")
    public static void reversedMasked(long[] a, long[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:reversedMasked
            long x = a[n - 1 - i];
            if (x > 0) {
                out[n - 1 - i] = x + 1;
            }
        }
    }

    /** In place: a[last - i] = -a[last - i] reads and writes the same element, reversed. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD short")
    public static void reversedInPlace(short[] a, int last) {
        for (int i = 0; i <= last; i++) { // @loop:reversedInPlace
            a[last - i] = (short) -a[last - i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD double", "gather"})
    public static void pairSums(double[] a, double[] out, int n) {
        for (int i = 0; i < n / 2; i++) { // @loop:pairSums
            out[i] = a[2 * i] + a[2 * i + 1];
        }
    }

    /** Stride 3, an int sum (strict). */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "gather", "reduction +"})
    public static int strideThreeSum(int[] a, int n) {
        int s = 0;
        for (int i = 0; i < n / 3; i++) { // @loop:strideThreeSum
            s += a[i * 3 + 1];
        }
        return s;
    }

    /** Stride -2 from the top. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD float", "gather"})
    public static void strideMinusTwo(float[] a, float[] out, int last) {
        for (int i = 0; i <= last / 2; i++) { // @loop:strideMinusTwo
            out[i] = a[last - 2 * i] * 0.5f;
        }
    }

    /** A scatter of stride 2; the other half of out stays as it was. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD float", "scatter"})
    public static void strideTwoStore(float[] a, float[] out, int n) {
        for (int i = 0; i < n / 2; i++) { // @loop:strideTwoStore
            out[2 * i + 1] = a[i] + 1f;
        }
    }

    /** a[2*i] written and a[2*i + 1] read never meet. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "gather", "scatter"})
    public static void evenFromOdd(int[] a, int n) {
        for (int i = 0; i < n / 2; i++) { // @loop:evenFromOdd
            a[2 * i] = a[2 * i + 1] ^ 5;
        }
    }

    /** Interleaved stores: out[2*i] and out[2*i + 1] never meet. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD float", "scatter"})
    public static void interleave(float[] a, float[] b, float[] out, int n) {
        for (int i = 0; i < n / 2; i++) { // @loop:interleave
            out[2 * i] = a[i];
            out[2 * i + 1] = b[i];
        }
    }

    /** Swaps each pair in place: two gathers and two scatters on one array. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD long", "gather", "scatter"})
    public static void swapPairs(long[] a, int n) {
        for (int i = 0; i < n / 2; i++) { // @loop:swapPairs
            long t = a[2 * i];
            a[2 * i] = a[2 * i + 1];
            a[2 * i + 1] = t;
        }
    }

    /** Writes a[3*i] and a[3*i + 3]: the second store of one iteration is the first of the next. */
    @Vectorize
    @Expect(rewritten = false, contains = "in one iteration")
    public static void stridedStoresMeet(int[] a, int n) {
        for (int i = 0; i < n / 3 - 1; i++) { // @loop:stridedStoresMeet
            a[3 * i] = i;
            a[3 * i + 3] = -i;
        }
    }

    /** A masked scatter of stride 3, bytes. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD byte", "scatter"})
    public static void strideThreeMaskedStore(byte[] a, byte[] out, int n) {
        for (int i = 0; i < n / 3; i++) { // @loop:strideThreeMaskedStore
            if (a[i] < 0) {
                out[3 * i + 2] = (byte) (a[i] + 1);
            }
        }
    }

    /** The go_fast trace: the diagonal of a matrix {@code step} wide, a step of {@code step + 1} known at run time. */
    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD double", "gather"}, ulps = 4, absolute = 1e-15)
    public static double diagonalTanh(double[] a, int step, int n) {
        double trace = 0;
        for (int i = 0; i < n / (step + 1); i++) { // @loop:diagonalTanh
            trace += Math.tanh(a[i * step + i]);
        }
        return trace;
    }

    /** The same diagonal, strict: an int sum. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "gather"})
    public static int diagonalSum(int[] a, int step, int n) {
        int trace = 0;
        for (int i = 0; i < n / (step + 1); i++) { // @loop:diagonalSum
            trace += a[i * step + i];
        }
        return trace;
    }

    /** Two stores to one reversed element, the second under a condition (fuzz seed 1000148): both scatter with their masks. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD byte", "scatter"})
    public static void reversedOverwrite(byte[] a, int x, int n) {
        for (int i = 0; i < n; i++) { // @loop:reversedOverwrite
            a[n - 1 - i] = 0;
            if (i >= 9) {
                a[n - 1 - i] = (byte) x;
            }
        }
    }

    /** A dead reversed load of another lane size (fuzz seed 1009556): the guards check it, no vector loads it. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static int deadReversedLoad(byte[] a, double[] b, double x, int n) {
        int s = 0;
        for (int i = 1; i < n; i++) { // @loop:deadReversedLoad
            s ^= (int) x;
            int t = (int) b[a.length - 1 - i];
        }
        return s;
    }

    /** Read reversed, written forward, in one array: the lanes meet in the middle. */
    @Vectorize
    @Expect(rewritten = false, contains = "loop-carried dependence")
    public static void mirrorInPlace(float[] a, int n) {
        for (int i = 0; i < n; i++) { // @loop:mirrorInPlace
            a[i] = a[n - 1 - i];
        }
    }

    /** a[2*i] written and a[2*i + 2] read: the write of one iteration is the read of the next. */
    @Vectorize
    @Expect(rewritten = false, contains = "loop-carried dependence")
    public static void strideTwoCarried(int[] a, int n) {
        for (int i = 0; i < n / 2 - 1; i++) { // @loop:strideTwoCarried
            a[2 * i + 2] = a[2 * i] + 1;
        }
    }

    /** A scatter at a step only known at run time (0 when step is -1): refused. */
    @Vectorize
    @Expect(rewritten = false, contains = "known only at run time")
    public static void diagonalStore(float[] a, int step, int n) {
        for (int i = 0; i < n / (step + 1); i++) { // @loop:diagonalStore
            a[i * step + i] = 1f;
        }
    }
}
