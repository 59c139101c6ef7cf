/**
 * Target kernels of the SIMD equivalence tests: each method is {@code public static}, holds one
 * {@code @Vectorize} loop whose header carries a {@code // @loop:NAME} marker (NAME = the method
 * name), and says with {@link dev.hotloop.agent.targets.vector.Expect} what the agent must make of
 * it. The test derives every input from the parameter names, so they follow one convention:
 * {@code n} is the element count (every array has that length, or {@code rows * n} where a
 * {@code rows} parameter exists), {@code last} is {@code n - 1}, {@code from}/{@code to} bound a
 * sub-range, {@code off} is an offset into the same array, {@code step} a positive stride,
 * {@code keys} holds indexes into the other arrays; any other parameter is a value of its type.
 */
package dev.hotloop.agent.targets.vector;
