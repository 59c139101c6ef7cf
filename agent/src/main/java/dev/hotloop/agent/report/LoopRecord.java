package dev.hotloop.agent.report;

/**
 * What the agent decided for one annotated loop, as the report files and JFR events show it.
 *
 * @param line      the loop's source line, or -1 when unknown (no line numbers in the class file)
 * @param kind      {@code vectorize} or {@code parallel}: the annotation that asked
 * @param rewritten whether the loop was rewritten
 * @param summary   what it became ({@code SIMD float x16, reduction +}), or why not, with the fix
 * @param code      the stable code of the reason when not rewritten, else null
 */
public record LoopRecord(int line, String kind, boolean rewritten, String summary, RefusalCode code) {

    /** The {@link #kind} of a {@code @Vectorize} loop. */
    public static final String VECTORIZE = "vectorize";
    /** The {@link #kind} of a {@code @Parallel} loop. */
    public static final String PARALLEL = "parallel";
}
