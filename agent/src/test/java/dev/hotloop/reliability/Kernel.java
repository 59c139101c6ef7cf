package dev.hotloop.reliability;

import java.util.List;

/**
 * One generated kernel: a static method whose loop the agent may rewrite, and the members it
 * needs. A {@code fastMath} kernel also has an unannotated twin, {@code name$scale}, that sums the
 * absolute values of the reduction's start value and terms in double: the scale of the error a reordered sum may
 * make, which {@link Outcomes} turns into a bound.
 *
 * @param name       the method's name, unique in its class
 * @param seed       the generator seed it came from, and the seed of its inputs
 * @param annotation the method annotation ({@code @Vectorize}, ...) or "" when the index is annotated
 * @param returns    the method's return type, {@code void} included
 * @param params     the parameter list as written
 * @param body       the method body
 * @param helpers    fields and helper methods it calls, as source
 * @param shape      a short description for the coverage table
 * @param fastMath   whether it asks for {@code fastMath = true}
 * @param mustRefuse whether it holds a shape the agent must never rewrite
 */
record Kernel(String name, long seed, String annotation, String returns, String params, Node body, List<String> helpers,
              String shape, boolean fastMath, boolean mustRefuse) {

    /** @return the members to paste into a class: the kernel, its helpers, its twin */
    String source() {
        StringBuilder b = new StringBuilder();
        b.append("    // shape: ").append(shape).append(mustRefuse ? ", must-refuse" : "")
                .append(", inputs: ").append(seed).append('\n');
        if (!annotation.isEmpty()) {
            b.append("    ").append(annotation).append('\n');
        }
        b.append("    public static ").append(returns).append(' ').append(name).append('(').append(params).append(") ")
                .append(body.print()).append('\n');
        for (String h : helpers) {
            b.append("    ").append(h).append('\n');
        }
        if (fastMath) {
            b.append("    public static double ").append(name).append("$scale(").append(params).append(") ")
                    .append(body.printScale()).append('\n');
        }
        return b.toString();
    }

    Kernel withBody(Node newBody) {
        return new Kernel(name, seed, annotation, returns, params, newBody, helpers, shape, fastMath, mustRefuse);
    }

    /** @return what the harness needs to know to run it */
    KernelSpec spec() {
        return new KernelSpec(name, seed, fastMath, mustRefuse);
    }
}
