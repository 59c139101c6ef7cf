package dev.hotloop.demo;

import dev.hotloop.Vectorize;

/**
 * The Heaviside step {@code x > 0 ? 1 : 0} applied to every element: the activation of a
 * perceptron, or turning a signal into a mask before counting or blending.
 *
 * <p>The use case is a branch in an elementwise loop. In strict mode the agent turns the
 * comparison into a vector mask and a blend, and inlines the small static {@link #step(double)},
 * so results stay bit-identical: {@code NaN > 0} is false, so {@code step(NaN)} is {@code 0}, and
 * {@code -0.0} and {@code +0.0} both give {@code +0.0}.
 */
final class Step {

    private Step() {
    }

    /**
     * Writes {@code step(x[i])} to {@code out[i]} for every index of {@code x}.
     *
     * @param x the inputs
     * @param out the outputs, at least as long as {@code x}
     */
    @Vectorize
    static void stepAll(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = step(x[i]);
        }
    }

    /**
     * Writes {@code step(x[i])} to {@code out[i]} for every index of {@code x}.
     *
     * @param x the inputs
     * @param out the outputs, at least as long as {@code x}
     */
    @Vectorize
    static void stepAll(float[] x, float[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = step(x[i]);
        }
    }

    /**
     * Returns {@code 1} if {@code x > 0}, else {@code 0} (also for NaN and both zeros).
     *
     * @param x the input
     * @return {@code 1.0} or {@code +0.0}
     */
    static double step(double x) {
        return x > 0 ? 1.0 : 0.0;
    }

    /**
     * Returns {@code 1} if {@code x > 0}, else {@code 0} (also for NaN and both zeros).
     *
     * @param x the input
     * @return {@code 1.0f} or {@code +0.0f}
     */
    static float step(float x) {
        return x > 0 ? 1.0f : 0.0f;
    }
}
