package dev.hotloop.bench.vector;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH states of the vector benchmark, one per element type: the same arrays, from the same
 * seeds, for the plain, agent and hand-written variants. {@code size} is the number of elements a
 * call processes, so that ns per element is the score divided by {@code size}.
 */
public final class KernelInputs {

    private KernelInputs() {
    }

    /** Arrays of {@code float}, for every float kernel but {@code matmul}, and the gather's indexes. */
    @State(Scope.Thread)
    public static class Floats {
        @Param({"1000", "1000000"})
        public int size;

        public float alpha;
        public float[] a;
        public float[] b;
        public float[] out;
        /** Indexes into {@code a}, uniform: the gather's. */
        public int[] keys;

        @Setup
        public void setUp() {
            alpha = 0.5f;
            a = Inputs.floats(size, 1, -4f, 4f);
            b = Inputs.floats(size, 2, -4f, 4f);
            out = new float[size];
            keys = Inputs.indexes(size, 12, size);
        }
    }

    /** Arrays of {@code double}: the double dot product and the Black-Scholes prices. */
    @State(Scope.Thread)
    public static class Doubles {
        @Param({"1000", "1000000"})
        public int size;

        public double[] a;
        public double[] b;
        public double[] spot;
        public double[] strike;
        public double[] years;
        public double rate;
        public double volatility;
        public double[] out;

        @Setup
        public void setUp() {
            a = Inputs.doubles(size, 3, -1, 1);
            b = Inputs.doubles(size, 4, -1, 1);
            spot = Inputs.doubles(size, 5, 10, 100);
            strike = Inputs.doubles(size, 6, 10, 100);
            years = Inputs.doubles(size, 7, 0.25, 2);
            rate = 0.02;
            volatility = 0.3;
            out = new double[size];
        }
    }

    /** An array of {@code int}. */
    @State(Scope.Thread)
    public static class Ints {
        @Param({"1000", "1000000"})
        public int size;

        public int[] a;
        /** The last element, which occurs nowhere before it (random ints): a search scans the whole array. */
        public int key;

        @Setup
        public void setUp() {
            a = Inputs.ints(size, 8);
            key = a[size - 1];
        }
    }

    /** An array of {@code long}. */
    @State(Scope.Thread)
    public static class Longs {
        @Param({"1000", "1000000"})
        public int size;

        public long[] a;

        @Setup
        public void setUp() {
            a = Inputs.longs(size, 9);
        }
    }

    /**
     * Doubles to convert, and the arrays the conversions write: values from -3e9 to 3e9, so that
     * {@code (int)} casts saturate on part of them, as Java's casts do.
     */
    @State(Scope.Thread)
    public static class Conversions {
        @Param({"1000", "1000000"})
        public int size;

        public double[] a;
        public long[] longs;
        public int[] ints;

        @Setup
        public void setUp() {
            a = Inputs.doubles(size, 10, -3e9, 3e9);
            longs = new long[size];
            ints = new int[size];
        }
    }

    /**
     * An {@code n x n} row-major matrix of doubles for {@code goFast}, {@code n} the whole square
     * root of {@code size} (1,000 gives n = 31: 961 elements; 1,000,000 gives n = 1,000), and the
     * array it writes.
     */
    @State(Scope.Thread)
    public static class Squares {
        @Param({"1000", "1000000"})
        public int size;

        public int n;
        public double[] a;
        public double[] out;

        @Setup
        public void setUp() {
            n = (int) Math.sqrt(size);
            a = Inputs.doubles(n * n, 12, -2, 2);
            out = new double[n * n];
        }
    }

    /**
     * Three {@code n x n} row-major matrices with {@code n^3 = size}: {@code size} is the number
     * of inner-loop iterations, so 1,000 is n = 10 and 1,000,000 is n = 100.
     */
    @State(Scope.Thread)
    public static class Matrices {
        @Param({"1000", "1000000"})
        public int size;

        public int n;
        public float[] a;
        public float[] b;
        public float[] c;

        @Setup
        public void setUp() {
            n = (int) Math.round(Math.cbrt(size));
            if ((long) n * n * n != size) {
                throw new IllegalArgumentException("matmul needs a cube size (n * n * n inner iterations), got "
                        + size + "; use 1000, 1000000 or another cube");
            }
            a = Inputs.floats(n * n, 10, -1f, 1f);
            b = Inputs.floats(n * n, 11, -1f, 1f);
            c = new float[n * n];
        }
    }
}
