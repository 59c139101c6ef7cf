package dev.hotloop.agent.targets.parallel;

import dev.hotloop.Parallel;
import java.io.Serializable;
import java.util.List;

/** {@code @Parallel} loops that must stay sequential, one per reason. */
@SuppressWarnings("unused")
public final class ParallelRefusals {

    private static int counter;
    private int total;

    private ParallelRefusals() {
    }

    @Parallel
    public static int lastValue(int[] a) {
        int last = -1;
        for (int i = 0; i < a.length; i++) { // @loop:lastValue
            last = a[i];
        }
        return last;
    }

    @Parallel
    public static void carried(int[] a) {
        int prev = 0;
        for (int i = 0; i < a.length; i++) { // @loop:carried
            a[i] += prev;
            prev = a[i] - prev;
        }
    }

    @Parallel
    public static int earlyExit(int[] a) {
        for (int i = 0; i < a.length; i++) { // @loop:earlyExit
            if (a[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    @Parallel
    public static void staticField(int[] a) {
        for (int i = 0; i < a.length; i++) { // @loop:staticField
            counter += a[i];
        }
    }

    @Parallel
    public void instanceField(int[] a) {
        for (int i = 0; i < a.length; i++) { // @loop:instanceField
            total += a[i];
        }
    }

    @Parallel
    public static synchronized void lockedMethod(int[] a) {
        for (int i = 0; i < a.length; i++) { // @loop:lockedMethod
            a[i]++;
        }
    }

    @Parallel
    public static void lockInside(int[] a, Object lock) {
        for (int i = 0; i < a.length; i++) { // @loop:lockInside
            synchronized (lock) {
                a[i]++;
            }
        }
    }

    @Parallel
    public static void shortIndex(int[] a) {
        for (short i = 0; i < a.length; i++) { // @loop:shortIndex
            a[i]++;
        }
    }

    @Parallel
    public static void stepTwo(int[] a) {
        for (int i = 0; i < a.length; i += 2) { // @loop:stepTwo
            a[i]++;
        }
    }

    @Parallel
    public static void countDown(int[] a) {
        for (int i = a.length - 1; i >= 0; i--) { // @loop:countDown
            a[i]++;
        }
    }

    @Parallel
    public static int throwToLeave(int[] a) {
        try {
            for (int i = 0; i < a.length; i++) { // @loop:throwToLeave
                if (a[i] < 0) {
                    throw new IllegalArgumentException("negative");
                }
                a[i]++;
            }
        } catch (IllegalArgumentException e) {
            return -1;
        }
        return 0;
    }

    @Parallel
    public static double conditionalMax(double[] a) {
        double best = 0;
        for (int i = 0; i < a.length; i++) { // @loop:conditionalMax
            if (a[i] > best) {
                best = a[i];
            }
        }
        return best;
    }

    @Parallel
    public static void throwAfterContinue(List<int[]> rows) {
        for (int[] row : rows) { // @loop:throwAfterContinue
            if (row.length > 0) {
                row[0]++;
                continue;
            }
            throw new IllegalArgumentException("empty row");
        }
    }

    @Parallel
    public static void boundUsesIndex(int[] a) {
        for (int i = 0; i * 2 < a.length; i++) { // @loop:boundUsesIndex
            a[i * 2] = i;
        }
    }

    @Parallel
    public static void mixedClassesNarrowUse(int[] out, boolean wide) {
        Number n = wide ? (Number) Long.valueOf(7) : Integer.valueOf(7);
        for (int i = 0; i < out.length; i++) { // @loop:mixedClassesNarrowUse
            out[i] = hash(n) + i;
        }
    }

    private static int hash(Serializable s) {
        return s.hashCode();
    }

    /** Another thread may lower the limit while the loop runs; plain Java sees it at the next test. */
    @Parallel
    public static void volatileBound(int[] a) {
        for (int i = 0; i < Limits.volatileLimit; i++) { // @loop:volatileBound
            a[i] = i;
        }
    }

    /** Fields a bound reads, in a class of their own: they are looked up through the class file. */
    public static final class Limits {
        public static volatile int volatileLimit = 8;

        private Limits() {
        }
    }
}
