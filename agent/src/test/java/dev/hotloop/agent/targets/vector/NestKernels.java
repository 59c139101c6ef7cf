package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * Nests over row-major matrices stored in one array: the innermost loop is vectorized and the
 * outer loop's row offset {@code r * n} is an invariant {@code base} of its indexes.
 */
public final class NestKernels {

    private NestKernels() {
    }

    /** The inner loop of {@code C += A B} in i-k-j order: {@code c[i n + j] += a[i n + k] b[k n + j]}. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void matmulInner(float[] a, float[] b, float[] c, int rows, int n) {
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < rows; k++) {
                float aik = a[i * n + k];
                for (int j = 0; j < n; j++) { // @loop:matmulInner
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"SIMD int", "reduction +"})
    public static void matVecInt(int[] m, int[] x, int[] y, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            int s = 0;
            int base = r * n;
            for (int j = 0; j < n; j++) { // @loop:matVecInt
                s += m[base + j] * x[j];
            }
            y[r] = s;
        }
    }

    @Vectorize(fastMath = true)
    @Expect(rewritten = true, contains = {"SIMD float", "reduction +", "fastMath"})
    public static float frobeniusSquared(float[] m, int rows, int n) {
        float s = 0;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) { // @loop:frobeniusSquared
                s += m[r * n + j] * m[r * n + j];
            }
        }
        return s;
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void scaleRows(double[] m, double[] s, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            double k = s[r];
            for (int j = 0; j < n; j++) { // @loop:scaleRows
                m[r * n + j] *= k;
            }
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD long")
    public static void columnSums(long[] m, long[] acc, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) { // @loop:columnSums
                acc[j] += m[r * n + j];
            }
        }
    }

    /** Five-point stencil: four row offsets, reads at {@code base + j + c} with {@code c} in -1..1. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void stencil2d(float[] a, float[] out, int rows, int n) {
        for (int r = 1; r < rows - 1; r++) {
            for (int j = 1; j < n - 1; j++) { // @loop:stencil2d
                out[r * n + j] = a[(r - 1) * n + j] + a[(r + 1) * n + j] + a[r * n + j - 1] + a[r * n + j + 1]
                        - 4 * a[r * n + j];
            }
        }
    }
}
