package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Strict float/double sums and products (no {@code fastMath}): the element work runs in vectors
 * and each vector's lanes are folded into the local one at a time, in iteration order, so the
 * results match the original bit for bit (NaN, {@code -0.0}, infinities, overflow included). The
 * cost stage refuses the fold where the loop computes nothing per element but loads, or where the
 * reduction is conditional and nothing divides or takes a square root; most kernels here ask for
 * the fold with {@code @Vectorize(unroll = N)}, and the ones left to the cost stage show its
 * choices. An accumulator that the loop also reads is refused.
 */
public final class OrderedReductionKernels {

    private OrderedReductionKernels() {
    }

    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = {"SIMD float", "reduction + (ordered)"})
    public static float dotFloat(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:dotFloat
            s += a[i] * b[i];
        }
        return s;
    }

    /** Starts from a value of the caller's: NaN, -0.0 and infinities among them. */
    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = {"SIMD double", "reduction + (ordered)"})
    public static double dotDoubleFrom(double[] a, double[] b, double init) {
        double s = init;
        for (int i = 0; i < a.length; i++) { // @loop:dotDoubleFrom
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The local on the right of the add ({@code s = x + s}): the fold adds {@code s + x}, the same
     * value; the operands' order only picks which payload survives when both are NaN, which the
     * interpreter and C2 already pick differently for the original.
     */
    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = {"SIMD float", "reduction + (ordered)"})
    public static float dotFloatLocalOnTheRight(float[] a, float[] b, float init) {
        float s = init;
        for (int i = 0; i < a.length; i++) { // @loop:dotFloatLocalOnTheRight
            s = a[i] * b[i] + s;
        }
        return s;
    }

    /** Counting down: the lanes fold from the last one. */
    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = {"SIMD float", "reduction + (ordered)"})
    public static float dotFloatDown(float[] a, float[] b) {
        float s = 0;
        for (int i = a.length - 1; i >= 0; i--) { // @loop:dotFloatDown
            s += a[i] * b[i];
        }
        return s;
    }

    /** Two vectors a step: their lanes fold in order, the first vector's first. */
    @Vectorize(unroll = 2)
    @Expect(rewritten = true, contains = {"SIMD double", "reduction + (ordered)", "unroll 2"})
    public static double sumSquaresUnrolled(double[] a, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) { // @loop:sumSquaresUnrolled
            s += a[i] * a[i];
        }
        return s;
    }

    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = {"SIMD float", "reduction - (ordered)"})
    public static float subtractProducts(float[] a, float[] b, float init) {
        float s = init;
        for (int i = 0; i < a.length; i++) { // @loop:subtractProducts
            s -= a[i] * b[i];
        }
        return s;
    }

    /** Overflow and underflow happen where the original's do. */
    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = {"SIMD double", "reduction * (ordered)"})
    public static double productOfSums(double[] a, double[] b) {
        double p = 1;
        for (int i = 0; i < a.length; i++) { // @loop:productOfSums
            p *= a[i] + b[i];
        }
        return p;
    }

    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = {"SIMD float", "reduction * (ordered)"})
    public static float productScaled(float[] a, float k) {
        float p = 1;
        for (int i = 0; i < a.length; i++) { // @loop:productScaled
            p *= a[i] * k;
        }
        return p;
    }

    /** A double accumulator of float elements: the widening is the element work. */
    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = {"double", "reduction + (ordered)"})
    public static double sumFloatsAsDouble(float[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) { // @loop:sumFloatsAsDouble
            s += a[i];
        }
        return s;
    }

    /** Skipped lanes add -0.0, which leaves every sum as it was: a sum of -0.0 alone stays -0.0. */
    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = {"SIMD float", "reduction + (ordered)"})
    public static float sumWhereAbove(float[] a, float t) {
        float s = -0.0f;
        for (int i = 0; i < a.length; i++) { // @loop:sumWhereAbove
            if (a[i] > t) {
                s += a[i];
            }
        }
        return s;
    }

    /** Skipped lanes subtract 0.0. */
    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = {"SIMD double", "reduction - (ordered)"})
    public static double subtractWhereBelow(double[] a, double t, double init) {
        double s = init;
        for (int i = 0; i < a.length; i++) { // @loop:subtractWhereBelow
            if (a[i] < t) {
                s -= a[i] * t;
            }
        }
        return s;
    }

    /** Two accumulators, of different types, each in its own order. */
    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = {"reduction + (ordered), reduction + (ordered)"})
    public static double twoAccumulators(float[] a, float[] b) {
        float dot = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) { // @loop:twoAccumulators
            dot += a[i] * b[i];
            norm += (double) a[i] * a[i];
        }
        return dot + norm * 3;
    }

    /** An ordered sum of plain loads beside a stored map: the fold rides on vector work, so it stays. */
    @Vectorize(unroll = 1)
    @Expect(rewritten = true, contains = {"SIMD float", "reduction + (ordered)"})
    public static float sumWhileScaling(float[] a, float[] c) {
        float s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumWhileScaling
            c[i] = a[i] * 2;
            s += a[i];
        }
        return s;
    }

    /** A square root is work enough: kept without asking (Math.sqrt and Math.abs are bit-exact in lanes). */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD double", "reduction + (ordered)"})
    public static double sumOfNorms(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumOfNorms
            s += Math.sqrt(a[i] * a[i] + Math.abs(b[i]));
        }
        return s;
    }

    /** A plain sum of loads: a lane-by-lane fold gains nothing, so it stays scalar. */
    @Vectorize
    @Expect(rewritten = false, contains = {"computes nothing per element but loads", "chain of adds", "fastMath = true", "unroll = 1"})
    public static double sumDoublesPlain(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumDoublesPlain
            s += a[i];
        }
        return s;
    }

    /**
     * A dot product left to the cost stage: its multiplies are work, so the fold is kept and the
     * run-time measurement decides (faster where C2 vectorizes the plain loop with its own in-order
     * reduction).
     */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD float", "reduction + (ordered)"})
    public static float dotFloatByCost(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:dotFloatByCost
            s += a[i] * b[i];
        }
        return s;
    }

    /** A product of plain loads: the plain loop runs at the speed of its multiplies, so it stays scalar. */
    @Vectorize
    @Expect(rewritten = false, contains = {"double product must keep its order", "chain of multiplies"})
    public static double productPlain(double[] a) {
        double p = 1;
        for (int i = 0; i < a.length; i++) { // @loop:productPlain
            p *= a[i];
        }
        return p;
    }

    /** A conditional dot product: the plain loop skips the adds of the other iterations, so it stays scalar. */
    @Vectorize
    @Expect(rewritten = false, contains = {"double sum must keep its order", "adds only where (a[i] > t)"})
    public static double dotWhereAbove(double[] a, double[] b, double t) {
        double s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:dotWhereAbove
            if (a[i] > t) {
                s += a[i] * b[i];
            }
        }
        return s;
    }

    /** A conditional sum of quotients: the division is work enough, kept without asking. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD float", "reduction + (ordered)"})
    public static float quotientsWhereAbove(float[] a, float[] b, float t) {
        float s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:quotientsWhereAbove
            if (a[i] > t) {
                s += a[i] / b[i];
            }
        }
        return s;
    }

    /** Counting down, two vectors a step: each chunk's lanes fold from its last, the first chunk's first. */
    @Vectorize(unroll = 2)
    @Expect(rewritten = true, contains = {"SIMD float", "reduction + (ordered)", "unroll 2"})
    public static float dotFloatDownUnrolled(float[] a, float[] b) {
        float s = 0;
        for (int i = a.length - 1; i >= 0; i--) { // @loop:dotFloatDownUnrolled
            s += a[i] * b[i];
        }
        return s;
    }

    /** A division is work enough: kept without asking. */
    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD float", "reduction + (ordered)"})
    public static float sumOfQuotients(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sumOfQuotients
            s += a[i] / b[i];
        }
        return s;
    }

    /** The running sum is read in the loop (a prefix sum): no reduction. */
    @Vectorize
    @Expect(rewritten = false, contains = "carries a value")
    public static float prefixSum(float[] a, float[] c) {
        float s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:prefixSum
            s += a[i] * 2;
            c[i] = s;
        }
        return s;
    }
}
