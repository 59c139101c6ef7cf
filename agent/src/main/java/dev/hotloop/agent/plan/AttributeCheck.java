package dev.hotloop.agent.plan;

import dev.hotloop.agent.analysis.HotloopAnnotation;

/**
 * The ranges of the annotations' attributes. A value outside its range is the user's mistake: the
 * loop is refused with a reason that names the value and the range (strict mode then fails the
 * method), rather than a silently clamped value that hides it.
 */
final class AttributeCheck {

    /** The largest {@code @Vectorize(unroll)}: more vectors per turn only lengthen the code. */
    static final int MAX_UNROLL = 16;

    private AttributeCheck() {
    }

    /**
     * @param a an annotation as found in the class file
     * @return why its values are out of range, or null when they are valid
     */
    static String problem(HotloopAnnotation a) {
        if (a.kind() == HotloopAnnotation.Kind.VECTORIZE) {
            if (a.unroll() < 0 || a.unroll() > MAX_UNROLL) {
                return "@Vectorize(unroll = " + a.unroll() + ") is out of range: unroll must be 0 (the agent chooses) or 1 to "
                        + MAX_UNROLL + "; fix the annotation";
            }
            return null;
        }
        if (a.threads() == 0 || a.threads() < -1) {
            return "@Parallel(threads = " + a.threads() + ") is out of range: threads must be -1 (every worker of the pool)"
                    + " or at least 1; fix the annotation";
        }
        if (a.grain() < 0) {
            return "@Parallel(grain = " + a.grain() + ") is out of range: grain must be 0 (the agent chooses) or at least 1;"
                    + " fix the annotation";
        }
        return null;
    }
}
