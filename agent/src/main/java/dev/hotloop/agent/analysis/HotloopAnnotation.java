package dev.hotloop.agent.analysis;

import java.util.List;
import org.objectweb.asm.tree.LabelNode;

/**
 * One {@code @Vectorize} or {@code @Parallel} found in a class file, with its attributes.
 *
 * @param kind       which annotation
 * @param fastMath   {@code Vectorize.fastMath}
 * @param unroll     {@code Vectorize.unroll}
 * @param threads    {@code Parallel.threads}
 * @param grain      {@code Parallel.grain}
 * @param localIndex the local variable slot it annotates, or -1 when it annotates the method
 * @param ranges     for a local variable, its live ranges as start/end label pairs; else empty
 * @param cluster    {@code Parallel.cluster}
 */
public record HotloopAnnotation(Kind kind, boolean fastMath, int unroll, int threads, int grain,
                                int localIndex, List<LabelNode[]> ranges, boolean cluster) {

    /** An annotation without {@code cluster = true}. */
    public HotloopAnnotation(Kind kind, boolean fastMath, int unroll, int threads, int grain,
                             int localIndex, List<LabelNode[]> ranges) {
        this(kind, fastMath, unroll, threads, grain, localIndex, ranges, false);
    }

    /** Which annotation. */
    public enum Kind {
        VECTORIZE("@Vectorize"), PARALLEL("@Parallel");

        private final String source;

        Kind(String source) {
            this.source = source;
        }

        /** @return the annotation as a user writes it */
        public String source() {
            return source;
        }
    }

    /** @return whether it annotates the whole method rather than one loop's index variable */
    public boolean onMethod() {
        return localIndex < 0;
    }

    /** @return the annotation as the user wrote it, attributes at their defaults left out */
    public String describe() {
        StringBuilder attrs = new StringBuilder();
        if (kind == Kind.VECTORIZE) {
            if (fastMath) {
                attrs.append("fastMath = true");
            }
            if (unroll != 0) {
                attrs.append(attrs.length() > 0 ? ", " : "").append("unroll = ").append(unroll);
            }
        } else {
            if (threads != -1) {
                attrs.append("threads = ").append(threads);
            }
            if (grain != 0) {
                attrs.append(attrs.length() > 0 ? ", " : "").append("grain = ").append(grain);
            }
            if (cluster) {
                attrs.append(attrs.length() > 0 ? ", " : "").append("cluster = true");
            }
        }
        return attrs.length() == 0 ? kind.source() : kind.source() + "(" + attrs + ")";
    }
}
