package dev.hotloop.agent.targets;

import dev.hotloop.Parallel;
import dev.hotloop.Vectorize;

/** Instance kernels that read and write fields. */
public final class Accumulator {

    private final float[] weights;
    private final float bias;
    private double total;
    private int count;

    public Accumulator(float[] weights, float bias) {
        this.weights = weights;
        this.bias = bias;
    }

    @Vectorize
    public float weighted(float[] x) {
        float s = bias;
        for (int i = 0; i < x.length; i++) { // @loop:weighted
            s += weights[i] * x[i];
        }
        return s;
    }

    @Parallel
    public void accumulate(double[] x) {
        for (int i = 0; i < x.length; i++) { // @loop:accumulate
            total += x[i];
            count++;
        }
    }

    public double total() {
        return total;
    }

    public int count() {
        return count;
    }
}
