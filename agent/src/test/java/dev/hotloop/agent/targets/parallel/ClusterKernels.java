package dev.hotloop.agent.targets.parallel;

import dev.hotloop.Parallel;

/**
 * {@code @Parallel(cluster = true)} loops: those whose effects can be shipped, and those that stay
 * on the local pool. Loop header lines carry {@code // @loop:NAME} markers.
 */
public final class ClusterKernels {

    private ClusterKernels() {
    }

    /** A holder whose field a loop writes. */
    public static final class Holder {
        public double value;
    }

    @Parallel(grain = 3, cluster = true)
    public static void scale(double[] a, double k, double[] out) {
        for (int i = 0; i < out.length; i++) { // @loop:scale
            out[i] = a[i] * k;
        }
    }

    @Parallel(grain = 3, cluster = true)
    public static void shifted(int[] a, int[] out, String tag) {
        for (int i = 0; i < a.length; i++) { // @loop:shifted
            out[i + 1] = a[i] + tag.length();
        }
    }

    @Parallel(grain = 3, cluster = true)
    public static void inPlace(long[] a) {
        for (int i = 0; i < a.length; i++) { // @loop:inPlace
            a[i] = a[i] * 3 + 1;
        }
    }

    @Parallel(grain = 3, cluster = true)
    public static double sum(double[] a, double w) {
        double s = 0;
        int count = 0;
        for (int i = 0; i < a.length; i++) { // @loop:sum
            s += a[i] * w;
            count++;
        }
        return s + count;
    }

    @Parallel(grain = 3, cluster = true)
    public static void failing(int[] out, int bad) {
        for (int i = 0; i < out.length; i++) { // @loop:failing
            if (i == bad) {
                throw new IllegalStateException("iteration " + i + " failed");
            }
            out[i] = i * i;
        }
    }

    @Parallel(grain = 3, cluster = true)
    public static void fieldWrite(double[] a, Holder h) {
        for (int i = 0; i < a.length; i++) { // @loop:fieldWrite
            h.value = a[i];
        }
    }

    @Parallel(grain = 3, cluster = true)
    public static void rowWrite(double[][] m) {
        for (int r = 0; r < m.length; r++) { // @loop:rowWrite
            m[r][0] = r;
        }
    }

    @Parallel(grain = 3, cluster = true)
    public static void scatter(int[] idx, int[] out) {
        for (int i = 0; i < idx.length; i++) { // @loop:scatter
            out[idx[i]] = i;
        }
    }

    @Parallel(grain = 3, cluster = true)
    public static void twoOffsets(int[] out) {
        for (int i = 0; i < out.length - 1; i++) { // @loop:twoOffsets
            out[i] = 1;
            out[i + 1] = 2;
        }
    }

    @Parallel(grain = 3)
    public static void notMarked(double[] out) {
        for (int i = 0; i < out.length; i++) { // @loop:notMarked
            out[i] = i;
        }
    }
}
