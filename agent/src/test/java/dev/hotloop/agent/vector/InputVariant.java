package dev.hotloop.agent.vector;

/** What the inputs of one equivalence case stress. */
enum InputVariant {
    /** Ordinary values: every element finite and every index in bounds. */
    FINITE,
    /** IEEE and integer edge values: NaN with payloads, -0.0, infinities, subnormals, MIN/MAX. */
    SPECIAL,
    /** One array argument is null (each array parameter in turn, across sizes). */
    NULL_ARRAY,
    /** One array argument is a third short, so the loop throws after writing part of its output. */
    SHORT_ARRAY,
    /** The count or range names indexes past the arrays ({@code n + 1}, {@code to = n + 1}, {@code from = -1}, ...). */
    OVERRUN,
    /** Every array argument of one element type is the same array, so reads see the loop's own writes. */
    SAME_ARRAY
}
