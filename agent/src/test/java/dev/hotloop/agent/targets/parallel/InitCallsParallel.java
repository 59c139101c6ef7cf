package dev.hotloop.agent.targets.parallel;

import dev.hotloop.Parallel;

/**
 * A class whose static initializer calls its own {@code @Parallel} method. The body touches nothing
 * of the class, but the chunks are a method of the class: a pool worker that called one would wait
 * for the initialization, which waits for the loop.
 */
public final class InitCallsParallel {

    /** Filled while the class is being initialized. */
    public static final long[] SQUARES = new long[20_000];

    static {
        fill(SQUARES);
    }

    private InitCallsParallel() {
    }

    @Parallel(grain = 1)
    public static void fill(long[] a) {
        for (int i = 0; i < a.length; i++) { // @loop:fill
            long v = 0;
            for (int j = 0; j < 200; j++) { // long enough for the pool's workers to take chunks
                v += (long) i * i;
            }
            a[i] = v / 200;
        }
    }
}
