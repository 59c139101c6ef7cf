package dev.hotloop.demo;

/**
 * One line of the demo's table.
 *
 * @param example what the kernel computes
 * @param size the size of its input
 * @param mode how the agent may rewrite it: {@code strict} and {@code parallel} rows must give the
 *     same checksum with and without the agent; rows with {@code fastMath} may differ in the last
 *     digits
 * @param firstNanos the duration of the first call
 * @param steadyNanos the median duration of a call after warm-up
 * @param checksum the result, condensed by {@link Checksum}
 */
record Row(String example, String size, String mode, long firstNanos, long steadyNanos,
           String checksum) {
}
