package dev.hotloop.agent.targets.parallel;

import dev.hotloop.Parallel;

/** An instance kernel: reads fields of {@code this}, writes only its own elements. */
public final class ParallelInstance {

    private final double[] weights;
    private final double bias;

    public ParallelInstance(double[] weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    @Parallel(grain = 4)
    public double apply(double[] x, double[] out) {
        double total = 0;
        for (int i = 0; i < x.length; i++) { // @loop:apply
            out[i] = weights[i] * x[i] + bias;
            total += out[i];
        }
        return total;
    }
}
