package dev.hotloop.agent.targets.vector;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the agent must make of the one annotated loop of a kernel in this package, and, for
 * {@code fastMath} kernels, how far the rewritten results may stray from the original ones.
 *
 * <p>Strict kernels (no {@code fastMath}) are always compared bit for bit; {@link #ulps} and
 * {@link #absolute} apply only to kernels annotated {@code @Vectorize(fastMath = true)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Expect {

    /** @return whether the loop must be rewritten */
    boolean rewritten();

    /** @return substrings the decision's summary must contain (DESIGN §5 words) */
    String[] contains() default {};

    /** @return for fastMath kernels, the error allowed per result, in ulps; see {@link Ulps} */
    int ulps() default 0;

    /** @return for fastMath kernels, an absolute error always allowed (for results that cancel) */
    double absolute() default 0;
}
