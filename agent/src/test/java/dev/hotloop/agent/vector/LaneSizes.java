package dev.hotloop.agent.vector;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Lane counts of this machine's preferred Vector API species, read through reflection (the
 * tests compile without {@code jdk.incubator.vector}; they run with it), and the array sizes
 * that put every vector loop and tail at its edges.
 */
final class LaneSizes {

    private LaneSizes() {
    }

    /** @return the bit size of {@code VectorShape.preferredShape()} */
    static int preferredBits() {
        try {
            Class<?> shape = Class.forName("jdk.incubator.vector.VectorShape");
            Object preferred = shape.getMethod("preferredShape").invoke(null);
            return (int) shape.getMethod("vectorBitSize").invoke(preferred);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jdk.incubator.vector is not resolved: run the tests with "
                    + "--add-modules jdk.incubator.vector", e);
        }
    }

    /**
     * @param elementBits 8 for byte, 16 for short, 32 for int and float, 64 for long and double
     * @return lanes of the preferred species for that element size
     */
    static int of(int elementBits) {
        return preferredBits() / elementBits;
    }

    /**
     * @return sizes 0, 1, 2; for every lane count {@code L} a species of this machine can have
     *     (every power of two from 2 up to the byte lanes of the preferred shape: a conversion may
     *     use a narrower species than its element type's preferred one): {@code L - 1, L, L + 1}
     *     and the tails of a main loop unrolled twice and four times, {@code 2L + 1, 4L - 1};
     *     odd sizes; and two large sizes
     */
    static int[] sizes() {
        SortedSet<Integer> s = new TreeSet<>();
        s.add(0);
        s.add(1);
        s.add(2);
        for (int lanes = 2; lanes <= of(8); lanes *= 2) {
            s.add(lanes - 1);
            s.add(lanes);
            s.add(lanes + 1);
            s.add(2 * lanes + 1);
            s.add(4 * lanes - 1);
        }
        s.add(37);
        s.add(101);
        s.add(1000);
        s.add(1031);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
