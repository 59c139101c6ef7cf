package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/** Comparisons, {@code if/else}, {@code ?:} and conditional stores: masks and blends. */
public final class SelectKernels {

    private SelectKernels() {
    }

    /** NaN and {@code -0.0} both fail {@code > 0}: they become {@code 0}. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void reluFloat(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:reluFloat
            out[i] = a[i] > 0 ? a[i] : 0;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void selectTwo(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:selectTwo
            out[i] = a[i] >= b[i] ? a[i] - b[i] : b[i] * 2;
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD double")
    public static void signum(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:signum
            out[i] = a[i] > 0 ? 1.0 : a[i] < 0 ? -1.0 : a[i];
        }
    }

    /** {@code x != x} holds only for NaN. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void dropNaN(float[] a, float fallback) {
        for (int i = 0; i < a.length; i++) { // @loop:dropNaN
            a[i] = a[i] != a[i] ? fallback : a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void clampIfElse(int[] a, int lo, int hi, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:clampIfElse
            int v = a[i];
            if (v < lo) {
                out[i] = lo;
            } else if (v > hi) {
                out[i] = hi;
            } else {
                out[i] = v;
            }
        }
    }

    /** Writes only some elements: the others keep their old values. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void storeAbove(float[] a, float t, float[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:storeAbove
            if (a[i] > t) {
                out[i] = a[i] - t;
            }
        }
    }

    /** {@code -Long.MIN_VALUE} is {@code Long.MIN_VALUE}. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD long")
    public static void absLongSelect(long[] a, long[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:absLongSelect
            out[i] = a[i] < 0 ? -a[i] : a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD byte")
    public static void zeroNegativeBytes(byte[] a, byte[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:zeroNegativeBytes
            out[i] = a[i] < 0 ? (byte) 0 : a[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD short")
    public static void evenOdd(short[] a, short x, short[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:evenOdd
            out[i] = (a[i] & 1) == 0 ? (short) (a[i] >> 1) : x;
        }
    }

    /** Both branches store, each to its own array. */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD float")
    public static void split(float[] a, float[] pos, float[] neg) {
        for (int i = 0; i < a.length; i++) { // @loop:split
            if (a[i] >= 0) {
                pos[i] = a[i];
                neg[i] = 0;
            } else {
                pos[i] = 0;
                neg[i] = -a[i];
            }
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void equalsMask(int[] a, int[] b, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:equalsMask
            out[i] = a[i] == b[i] ? -1 : a[i] != 0 ? a[i] : b[i];
        }
    }

    /**
     * Seven branches in a row, each reading the value the one before merged: if-converted, the
     * stored value is a DAG of a few dozen nodes and a tree of about ten thousand, well inside
     * the lifter's bound ({@code TreeSize}).
     */
    @Vectorize
    @Expect(rewritten = true, contains = "SIMD int")
    public static void branchChain(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) { // @loop:branchChain
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
            out[i] = x;
        }
    }
}
