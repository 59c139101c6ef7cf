package dev.hotloop.demo;

/**
 * The timings of one example: the first call, which includes loading the kernel's class (and, with
 * the agent, rewriting it) and running it interpreted, like Numba's "Elapsed (with compilation)";
 * and the median of the calls after warm-up, like "Elapsed (after compilation)".
 *
 * @param firstNanos the duration of the first call
 * @param steadyNanos the median duration of the measured calls
 * @param result the result of the last call
 * @param <T> the type of the result
 */
record Measurement<T>(long firstNanos, long steadyNanos, T result) {
}
