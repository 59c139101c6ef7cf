package dev.hotloop.bench.vector;

import static dev.hotloop.bench.vector.ScalarKernels.A1;
import static dev.hotloop.bench.vector.ScalarKernels.A2;
import static dev.hotloop.bench.vector.ScalarKernels.A3;
import static dev.hotloop.bench.vector.ScalarKernels.A4;
import static dev.hotloop.bench.vector.ScalarKernels.A5;
import static dev.hotloop.bench.vector.ScalarKernels.INV_SQRT_2PI;
import static dev.hotloop.bench.vector.ScalarKernels.P;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels of {@link ScalarKernels} written by hand on the Vector API: the ceiling the agent's
 * rewrites are measured against. Each is a vector main loop over the preferred species (constants,
 * so that the JIT folds them), then a scalar tail ({@link #matmul} masks its tail instead).
 * Reductions whose vector add or max has a latency to hide keep four accumulators; element-wise
 * kernels need none.
 *
 * <p>Strict kernels compute bit for bit what the scalar ones do: the same operations in the same
 * order for each element, reductions ({@code int} and {@code long} sums, {@code max}) whose
 * result does not depend on the order, and the strict dot product and double sums, which add the
 * lanes of each vector of terms one at a time in index order. The {@code fastMath} ones reassociate floating-point sums and
 * use the Vector API's {@code TANH}, {@code EXP} and {@code LOG}; {@code HandKernelsTest} states how
 * far they may differ. Needs {@code --add-modules jdk.incubator.vector}.
 */
public final class HandKernels {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

    /** {@code 0, 2, 4, ...}: the index map of a stride of 2. */
    private static final int[] EVENS = evens(F.length());

    private HandKernels() {
    }

    private static int[] evens(int lanes) {
        int[] map = new int[lanes];
        for (int j = 0; j < lanes; j++) {
            map[j] = 2 * j;
        }
        return map;
    }

    public static float dotFloat(float[] a, float[] b) {
        int n = a.length;
        int step = F.length();
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = 0;
        for (int upper = n - n % (4 * step); i < upper; i += 4 * step) {
            s0 = s0.add(FloatVector.fromArray(F, a, i).mul(FloatVector.fromArray(F, b, i)));
            s1 = s1.add(FloatVector.fromArray(F, a, i + step).mul(FloatVector.fromArray(F, b, i + step)));
            s2 = s2.add(FloatVector.fromArray(F, a, i + 2 * step).mul(FloatVector.fromArray(F, b, i + 2 * step)));
            s3 = s3.add(FloatVector.fromArray(F, a, i + 3 * step).mul(FloatVector.fromArray(F, b, i + 3 * step)));
        }
        for (int upper = F.loopBound(n); i < upper; i += step) {
            s0 = s0.add(FloatVector.fromArray(F, a, i).mul(FloatVector.fromArray(F, b, i)));
        }
        float s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    public static double dotDouble(double[] a, double[] b) {
        int n = a.length;
        int step = D.length();
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (int upper = n - n % (4 * step); i < upper; i += 4 * step) {
            s0 = s0.add(DoubleVector.fromArray(D, a, i).mul(DoubleVector.fromArray(D, b, i)));
            s1 = s1.add(DoubleVector.fromArray(D, a, i + step).mul(DoubleVector.fromArray(D, b, i + step)));
            s2 = s2.add(DoubleVector.fromArray(D, a, i + 2 * step).mul(DoubleVector.fromArray(D, b, i + 2 * step)));
            s3 = s3.add(DoubleVector.fromArray(D, a, i + 3 * step).mul(DoubleVector.fromArray(D, b, i + 3 * step)));
        }
        for (int upper = D.loopBound(n); i < upper; i += step) {
            s0 = s0.add(DoubleVector.fromArray(D, a, i).mul(DoubleVector.fromArray(D, b, i)));
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The species of the strict dot product: at most 256 bits, as the agent's ordered folds use
     * (wider vectors only add lane extractions and, on AVX-512 machines, a lower clock).
     */
    private static final VectorSpecies<Float> ORDERED = F.vectorBitSize() > 256 ? FloatVector.SPECIES_256 : F;

    /**
     * The strict dot product: products in vectors, each stored into a scratch array whose lanes
     * are then added to the sum one at a time, in index order, as the scalar loop adds them (so
     * bit for bit its result). Storing and reloading measured as fast as {@code lane(i)} for sums
     * and faster for products (loaded machine, 2026-12-03); the agent emits the same form.
     */
    public static float dotFloatStrict(float[] a, float[] b) {
        int n = a.length;
        int step = ORDERED.length();
        float[] lanes = new float[step];
        float s = 0;
        int i = 0;
        for (int upper = ORDERED.loopBound(n); i < upper; i += step) {
            FloatVector.fromArray(ORDERED, a, i).mul(FloatVector.fromArray(ORDERED, b, i)).intoArray(lanes, 0);
            for (int lane = 0; lane < step; lane++) {
                s += lanes[lane];
            }
        }
        for (; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The species of the strict double sums: at most 256 bits, as for {@link #dotFloatStrict}. */
    private static final VectorSpecies<Double> ORDERED_D = D.vectorBitSize() > 256 ? DoubleVector.SPECIES_256 : D;

    /** The strict double sum: each vector of elements stored, then its lanes added in index order. */
    public static double sumDoubleStrict(double[] a) {
        int n = a.length;
        int step = ORDERED_D.length();
        double[] lanes = new double[step];
        double s = 0;
        int i = 0;
        for (int upper = ORDERED_D.loopBound(n); i < upper; i += step) {
            DoubleVector.fromArray(ORDERED_D, a, i).intoArray(lanes, 0);
            for (int lane = 0; lane < step; lane++) {
                s += lanes[lane];
            }
        }
        for (; i < n; i++) {
            s += a[i];
        }
        return s;
    }

    /** The strict sum of square roots: the roots in vectors ({@code SQRT} is exact), the adds in index order. */
    public static double sumSqrtStrict(double[] a) {
        int n = a.length;
        int step = ORDERED_D.length();
        double[] lanes = new double[step];
        double s = 0;
        int i = 0;
        for (int upper = ORDERED_D.loopBound(n); i < upper; i += step) {
            DoubleVector.fromArray(ORDERED_D, a, i).lanewise(VectorOperators.SQRT).intoArray(lanes, 0);
            for (int lane = 0; lane < step; lane++) {
                s += lanes[lane];
            }
        }
        for (; i < n; i++) {
            s += Math.sqrt(a[i]);
        }
        return s;
    }

    public static int sumInt(int[] a) {
        int n = a.length;
        int step = I.length();
        IntVector s0 = IntVector.zero(I);
        IntVector s1 = s0;
        IntVector s2 = s0;
        IntVector s3 = s0;
        int i = 0;
        for (int upper = n - n % (4 * step); i < upper; i += 4 * step) {
            s0 = s0.add(IntVector.fromArray(I, a, i));
            s1 = s1.add(IntVector.fromArray(I, a, i + step));
            s2 = s2.add(IntVector.fromArray(I, a, i + 2 * step));
            s3 = s3.add(IntVector.fromArray(I, a, i + 3 * step));
        }
        for (int upper = I.loopBound(n); i < upper; i += step) {
            s0 = s0.add(IntVector.fromArray(I, a, i));
        }
        int s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[i];
        }
        return s;
    }

    public static long sumLong(long[] a) {
        int n = a.length;
        int step = L.length();
        LongVector s0 = LongVector.zero(L);
        LongVector s1 = s0;
        LongVector s2 = s0;
        LongVector s3 = s0;
        int i = 0;
        for (int upper = n - n % (4 * step); i < upper; i += 4 * step) {
            s0 = s0.add(LongVector.fromArray(L, a, i));
            s1 = s1.add(LongVector.fromArray(L, a, i + step));
            s2 = s2.add(LongVector.fromArray(L, a, i + 2 * step));
            s3 = s3.add(LongVector.fromArray(L, a, i + 3 * step));
        }
        for (int upper = L.loopBound(n); i < upper; i += step) {
            s0 = s0.add(LongVector.fromArray(L, a, i));
        }
        long s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[i];
        }
        return s;
    }

    /** {@code max} is order-free (NaN wins wherever it is; {@code abs} leaves no -0.0): bit-exact. */
    public static int indexOf(int[] a, int key) {
        int n = a.length;
        int i = 0;
        IntVector k = IntVector.broadcast(I, key);
        for (int upper = I.loopBound(n); i < upper; i += I.length()) {
            int lane = IntVector.fromArray(I, a, i).compare(VectorOperators.EQ, k).firstTrue();
            if (lane < I.length()) {
                return i + lane;
            }
        }
        for (; i < n; i++) {
            if (a[i] == key) {
                return i;
            }
        }
        return -1;
    }

    /** Per-lane bests and their indexes, then the first index of the largest lane (random inputs have no ties to order). */
    public static int argmax(float[] a) {
        int n = a.length;
        VectorSpecies<Integer> idx = VectorSpecies.of(int.class, F.vectorShape());
        FloatVector best = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        IntVector at = IntVector.broadcast(idx, -1);
        IntVector iota = IntVector.zero(idx).addIndex(1);
        int i = 0;
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, a, i);
            VectorMask<Float> m = v.compare(VectorOperators.GT, best);
            best = best.blend(v, m);
            at = at.blend(iota.add(i), m.cast(idx));
        }
        float b = Float.NEGATIVE_INFINITY;
        int where = -1;
        for (int j = 0; j < F.length(); j++) {
            float v = best.lane(j);
            int w = at.lane(j);
            if (v > b || v == b && w >= 0 && w < where) {
                b = v;
                where = w;
            }
        }
        for (; i < n; i++) {
            if (a[i] > b) {
                b = a[i];
                where = i;
            }
        }
        return where;
    }

    public static float maxAbs(float[] a) {
        int n = a.length;
        int step = F.length();
        FloatVector m0 = FloatVector.zero(F);
        FloatVector m1 = m0;
        FloatVector m2 = m0;
        FloatVector m3 = m0;
        int i = 0;
        for (int upper = n - n % (4 * step); i < upper; i += 4 * step) {
            m0 = m0.max(FloatVector.fromArray(F, a, i).abs());
            m1 = m1.max(FloatVector.fromArray(F, a, i + step).abs());
            m2 = m2.max(FloatVector.fromArray(F, a, i + 2 * step).abs());
            m3 = m3.max(FloatVector.fromArray(F, a, i + 3 * step).abs());
        }
        for (int upper = F.loopBound(n); i < upper; i += step) {
            m0 = m0.max(FloatVector.fromArray(F, a, i).abs());
        }
        float m = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            m = Math.max(m, Math.abs(a[i]));
        }
        return m;
    }

    public static void saxpy(float a, float[] x, float[] y) {
        int n = x.length;
        int i = 0;
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            FloatVector.fromArray(F, x, i).mul(a).add(FloatVector.fromArray(F, y, i)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = a * x[i] + y[i];
        }
    }

    public static void select(float[] a, float[] b, float[] out) {
        int n = out.length;
        int i = 0;
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            FloatVector va = FloatVector.fromArray(F, a, i);
            FloatVector vb = FloatVector.fromArray(F, b, i);
            VectorMask<Float> greater = va.compare(VectorOperators.GT, vb);
            vb.sub(va).blend(va.mul(2f), greater).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = a[i] > b[i] ? a[i] * 2f : b[i] - a[i];
        }
    }

    public static void relu(float[] x, float[] out) {
        int n = x.length;
        int i = 0;
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            FloatVector.fromArray(F, x, i).max(0f).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.max(0f, x[i]);
        }
    }

    /**
     * {@code go_fast} by hand: the diagonal gathered through an index map of {@code (n + 1) * lane}
     * (built once a call), {@code TANH} lane-wise, one accumulator; then a broadcast add.
     */
    public static double[] goFast(double[] a, int n, double[] out) {
        int step = D.length();
        int[] map = new int[step];
        for (int l = 0; l < step; l++) {
            map[l] = l * (n + 1);
        }
        DoubleVector acc = DoubleVector.zero(D);
        int i = 0;
        for (int upper = D.loopBound(n); i < upper; i += step) {
            acc = acc.add(DoubleVector.fromArray(D, a, i * (n + 1), map, 0).lanewise(VectorOperators.TANH));
        }
        double trace = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            trace += Math.tanh(a[i * n + i]);
        }
        int k = 0;
        for (int upper = D.loopBound(a.length); k < upper; k += step) {
            DoubleVector.fromArray(D, a, k).add(trace).intoArray(out, k);
        }
        for (; k < a.length; k++) {
            out[k] = a[k] + trace;
        }
        return out;
    }

    /** One accumulator: the out-of-line {@code TANH} hides the latency of the add. */
    public static float sumTanh(float[] x) {
        int n = x.length;
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            acc = acc.add(FloatVector.fromArray(F, x, i).lanewise(VectorOperators.TANH));
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += (float) Math.tanh(x[i]);
        }
        return s;
    }

    public static void sigmoid(float[] x, float[] out) {
        int n = x.length;
        FloatVector one = FloatVector.broadcast(F, 1f);
        int i = 0;
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            FloatVector e = FloatVector.fromArray(F, x, i).neg().lanewise(VectorOperators.EXP);
            one.div(e.add(1f)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = 1f / (1f + (float) Math.exp(-x[i]));
        }
    }

    public static void blackScholesCall(double[] spot, double[] strike, double[] years,
                                        double rate, double volatility, double[] call) {
        int n = call.length;
        double drift = rate + 0.5 * volatility * volatility;
        int i = 0;
        for (int upper = D.loopBound(n); i < upper; i += D.length()) {
            DoubleVector s = DoubleVector.fromArray(D, spot, i);
            DoubleVector k = DoubleVector.fromArray(D, strike, i);
            DoubleVector t = DoubleVector.fromArray(D, years, i);
            DoubleVector volSqrtT = t.sqrt().mul(volatility);
            DoubleVector d1 = s.div(k).lanewise(VectorOperators.LOG).add(t.mul(drift)).div(volSqrtT);
            DoubleVector d2 = d1.sub(volSqrtT);
            DoubleVector discount = t.mul(-rate).lanewise(VectorOperators.EXP);
            s.mul(cnd(d1)).sub(k.mul(discount).mul(cnd(d2))).intoArray(call, i);
        }
        for (; i < n; i++) {
            double s = spot[i];
            double k = strike[i];
            double t = years[i];
            double volSqrtT = volatility * Math.sqrt(t);
            double d1 = (Math.log(s / k) + drift * t) / volSqrtT;
            double d2 = d1 - volSqrtT;
            call[i] = s * ScalarKernels.cnd(d1) - k * Math.exp(-rate * t) * ScalarKernels.cnd(d2);
        }
    }

    private static DoubleVector cnd(DoubleVector x) {
        DoubleVector l = x.abs();
        DoubleVector k = DoubleVector.broadcast(D, 1.0).div(l.mul(P).add(1.0));
        DoubleVector poly = k.mul(k.mul(k.mul(k.mul(k.mul(A5).add(A4)).add(A3)).add(A2)).add(A1));
        DoubleVector gauss = l.mul(l).mul(-0.5).lanewise(VectorOperators.EXP).mul(INV_SQRT_2PI);
        DoubleVector w = gauss.mul(poly).neg().add(1.0);
        return w.blend(w.neg().add(1.0), x.compare(VectorOperators.LT, 0.0));
    }

    public static void stencil3(float[] a, float[] b) {
        float third = 1f / 3;
        int last = a.length - 1;
        int i = 1;
        for (int upper = 1 + F.loopBound(Math.max(last - 1, 0)); i < upper; i += F.length()) {
            FloatVector left = FloatVector.fromArray(F, a, i - 1);
            FloatVector mid = FloatVector.fromArray(F, a, i);
            FloatVector right = FloatVector.fromArray(F, a, i + 1);
            left.add(mid).add(right).mul(third).intoArray(b, i);
        }
        for (; i < last; i++) {
            b[i] = (a[i - 1] + a[i] + a[i + 1]) * third;
        }
    }

    /**
     * The one kernel with a masked tail: rows of small matrices (n = 10 at 1,000 inner iterations)
     * are shorter than a vector, and one masked operation beats a scalar tail of up to 15 elements
     * there (about 1.3x at n = 10 in a quick timing on AVX-512, JDK 25).
     */
    public static void matmul(float[] a, float[] b, float[] c, int n) {
        int rowBound = F.loopBound(n);
        VectorMask<Float> tail = F.indexInRange(rowBound, n);
        for (int i = 0; i < n; i++) {
            int ci = i * n;
            for (int k = 0; k < n; k++) {
                float aik = a[ci + k];
                int bk = k * n;
                int j = 0;
                for (; j < rowBound; j += F.length()) {
                    FloatVector product = FloatVector.fromArray(F, b, bk + j).mul(aik);
                    FloatVector.fromArray(F, c, ci + j).add(product).intoArray(c, ci + j);
                }
                if (j < n) {
                    FloatVector product = FloatVector.fromArray(F, b, bk + j, tail).mul(aik);
                    FloatVector.fromArray(F, c, ci + j, tail).add(product).intoArray(c, ci + j, tail);
                }
            }
        }
    }

    /** Gathers the table through the keys a vector at a time (float and int lanes have the same count). */
    public static void gather(float[] table, int[] keys, float[] out) {
        int n = keys.length;
        int i = 0;
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            FloatVector.fromArray(F, table, 0, keys, i).mul(2f).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = table[keys[i]] * 2f;
        }
    }

    /** The even elements, through the index map {@code 0, 2, 4, ...}: a gather and a scatter of stride 2. */
    public static void everyOther(float[] a, float[] out) {
        int n = a.length;
        int span = 2 * F.length();
        int i = 0;
        for (; i + span - 2 < n; i += span) {
            FloatVector.fromArray(F, a, i, EVENS, 0).mul(0.5f).add(1f).intoArray(out, i, EVENS, 0);
        }
        for (; i < n; i += 2) {
            out[i] = a[i] * 0.5f + 1f;
        }
    }
}
