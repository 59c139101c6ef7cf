package dev.hotloop.agent.report;

/**
 * Why an annotated loop was not rewritten: one vocabulary for {@code @Vectorize} and
 * {@code @Parallel}, written into the report files and JFR events as {@link #code()}. Codes are
 * stable: a code is never renamed or reused for another reason (new reasons get new codes), so that
 * strict-mode tests and report readers can match on them. The message of each refusal says what the
 * loop does in its own words; {@link #fix()} is the generic action, or null where the user cannot act.
 */
public enum RefusalCode {

    // ------------------------------------------------------------------ the agent's configuration
    /** {@code enabled=false}. */
    AGENT_DISABLED("agent-disabled", "remove enabled=false from the agent options"),
    /** {@code vectorize=false} or {@code parallel=false}. */
    OPTION_OFF("option-off", "remove vectorize=false or parallel=false from the agent options"),
    /** {@code jdk.incubator.vector} is not in the boot layer. */
    VECTOR_API_MISSING("vector-api-missing", "add --add-modules jdk.incubator.vector to the java command"),
    /** The JVM offers no SIMD shape wider than the narrowest lanes. */
    NO_SIMD_HARDWARE("no-simd-hardware", null),

    // ------------------------------------------------------------------ where the annotation sits
    /** The annotation targets no loop. */
    NO_LOOP("no-loop", "annotate the index variable of a for loop, or a method that holds the loop"),
    /** An abstract or native method carries the annotation. */
    NO_CODE("no-code", "annotate the implementing method"),
    /** An annotation value is out of range ({@code unroll = -3}, {@code threads = 0}). */
    ANNOTATION_VALUE("annotation-value", "use a value in the documented range, or leave the element out"),
    /** The class was loaded before the agent attached; a retransformation cannot add members. */
    ATTACHED_LATE("attached-late", "start the JVM with -javaagent instead of attaching"),
    /** The loop is in an interface, which cannot hold the loop's switch field. */
    INTERFACE_METHOD("interface-method", "move the loop into a static method of a class"),
    /** The method is too large to take the rewritten code. */
    METHOD_TOO_LARGE("method-too-large", "move the loop into a method of its own"),
    /** The class file is too old for the rewrite (no invokedynamic, jsr/ret subroutines). */
    CLASS_VERSION("class-version", "recompile the class with --release 8 or later"),
    /** The bytecode could not be analysed (a verifier-level failure). */
    UNANALYSABLE("unanalysable", null),

    // ------------------------------------------------------------------ the loop's shape
    /** The loop's form is not one the rewrite recognises. */
    LOOP_SHAPE("loop-shape", "write it as for (int i = from; i < to; i++), for (T x : array) or for (T x : list)"),
    /** The index steps by something other than 1 (or -1 for SIMD). */
    STRIDE("stride", "step the index by 1 and compute the element index from it"),
    /** The loop holds another loop. */
    NESTED_LOOP("nested-loop", "annotate the inner loop's index variable"),
    /** {@code break}, {@code return} or a throw leaves the loop early. */
    EARLY_EXIT("early-exit", "move the early exit out of the loop"),
    /** The bound is not loop-invariant, or is computed with effects or from the index. */
    NON_INVARIANT_BOUND("non-invariant-bound", "compute the bound into a local before the loop and compare i < bound"),
    /** A for-each loop uses its iterator other than one {@code next()} a turn. */
    ITERATOR_USE("iterator-use", "write it as an index loop over the list"),

    // ------------------------------------------------------------------ dependences and locals
    /** An iteration reads what an earlier one wrote through an array. */
    CARRIED_DEPENDENCE("carried-dependence", null),
    /** A local carries a value across iterations and is not a reduction. */
    CARRIED_LOCAL("carried-local", "update it only as a reduction (s += x, *=, &=, |=, ^=, Math.min/max), or compute it after the loop"),
    /** A local's type or value at loop entry could not be worked out. */
    LOCAL_TYPE("local-type", "compile with -g, and give the local one class before the loop"),
    /**
     * A floating-point sum or product must keep its order, and SIMD lanes folded one at a time cannot beat the plain loop: it
     * computes nothing per element but loads, or it adds only where a condition holds.
     */
    ORDERED_REDUCTION("ordered-reduction", "add @Vectorize(fastMath = true) to allow reassociation"),
    /** The same element is written on every iteration. */
    INVARIANT_STORE("invariant-store", "compute the value in a local and store it after the loop"),
    /** The loop writes a field. */
    FIELD_STORE("field-store", "accumulate into a local and assign the field after the loop"),

    // ------------------------------------------------------------------ what the body computes
    /** An index that is not affine in the loop index, or a store at a step known only at run time (gather or scatter). */
    GATHER_SCATTER("gather-scatter", null),
    /** A {@code Math} function without a bit-exact SIMD form, and {@code fastMath} is off. */
    APPROXIMATE_MATH("approximate-math", "add @Vectorize(fastMath = true) to use the Vector API's version"),
    /** An operation without a SIMD form (integer division, a comparison used as a number, ...). */
    NO_SIMD_FORM("no-simd-form", null),
    /** A value type the rewrite does not handle (char, boolean, references, mixed lane sizes). */
    UNSUPPORTED_TYPE("unsupported-type", null),
    /** A call that cannot be inlined or may have effects. */
    UNSUPPORTED_CALL("unsupported-call", "call only java.lang.Math and small static methods of the same class"),
    /** Allocation, throws, switches, lambdas and other bytecode the rewrite does not model. */
    UNSUPPORTED_BYTECODE("unsupported-bytecode", null),
    /** The body is too large once inlined or merged. */
    BODY_TOO_LARGE("body-too-large", "split the loop into smaller loops"),
    /** The loop holds or takes a lock. */
    SYNCHRONIZED("synchronized", "move the loop out of synchronized code and avoid locks in its body"),
    /** Exceptions leave or cross the loop in a way parallel chunks cannot keep. */
    EXCEPTION_FLOW("exception-flow", "put the try block inside the loop body or around the whole loop"),
    /** A {@code @Parallel(cluster = true)} loop's effects or inputs cannot be shipped: it runs on the local pool. */
    NOT_SHIPPABLE("not-shippable", "write only captured arrays at the loop index and reduce into locals (cluster-spark/README.md)");

    private final String code;
    private final String fix;

    RefusalCode(String code, String fix) {
        this.code = code;
        this.fix = fix;
    }

    /** @return the stable code, {@code carried-dependence} */
    public String code() {
        return code;
    }

    /** @return what the user can do about it in general, or null when nothing */
    public String fix() {
        return fix;
    }

    /**
     * @param code a stable code, as {@link #code()} returns it
     * @return its constant, or null when unknown (a report from a newer agent)
     */
    public static RefusalCode of(String code) {
        for (RefusalCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return code;
    }
}
