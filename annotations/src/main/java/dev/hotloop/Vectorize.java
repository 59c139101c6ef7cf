package dev.hotloop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the Hotloop agent to rewrite counted loops into SIMD code on the JDK Vector API
 * ({@code jdk.incubator.vector}).
 *
 * <p>On a method, every counted innermost loop of the method is a candidate. On the index
 * variable of a loop, only that loop is:
 *
 * <pre>{@code
 * @Vectorize
 * static void scale(float[] a, float k) {
 *     for (int i = 0; i < a.length; i++) a[i] *= k;
 * }
 *
 * static float dot(float[] a, float[] b) {
 *     float s = 0;
 *     for (@Vectorize(fastMath = true) int i = 0; i < a.length; i++) s += a[i] * b[i];
 *     return s;
 * }
 * }</pre>
 *
 * <p>Without {@link #fastMath()}, a rewritten loop gives bit-for-bit the results, exceptions and
 * partial writes of the original: nulls, bounds and aliasing are checked before the vector loop,
 * and when a check fails the original loop runs. A loop that cannot be rewritten runs as written,
 * and the agent reports why (class, method, line and the rule it broke).
 *
 * <p>The annotation has no effect without the agent ({@code -javaagent:hotloop-agent.jar}); the
 * Vector API must be resolved with {@code --add-modules jdk.incubator.vector}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE_USE})
public @interface Vectorize {

    /**
     * Allows reassociation and approximate vector math: {@code +} and {@code *} reductions of
     * {@code float} and {@code double} may add in a different order, and {@code Math.exp},
     * {@code tanh}, {@code log} and friends run as Vector API lane operations within the Vector
     * API's documented ulp bounds. Off by default: results then stay bit-identical.
     *
     * @return whether reassociation and vector math are allowed
     */
    boolean fastMath() default false;

    /**
     * How many vectors the main loop processes per iteration. {@code 0} (the default) lets the
     * agent choose; {@code 1} disables unrolling; at most {@code 16}. A value outside 0 to 16
     * leaves the loop as written, reported with the reason.
     *
     * @return the vector-loop unroll factor, or {@code 0} for automatic
     */
    int unroll() default 0;
}
