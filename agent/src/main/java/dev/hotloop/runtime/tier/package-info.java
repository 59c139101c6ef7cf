/**
 * Tiered execution of SIMD loops: the original loop runs until the loop's SIMD form has been
 * compiled by C2 and measured faster on a private copy of the loop's inputs, on one daemon thread.
 * Rewritten code reads a per-loop switch (a static field of its own class) once per loop entry.
 *
 * <p>Depends on the JDK only; appended to the bootstrap class path with the rest of
 * {@code dev.hotloop.runtime}. Not an API for users.
 */
package dev.hotloop.runtime.tier;
