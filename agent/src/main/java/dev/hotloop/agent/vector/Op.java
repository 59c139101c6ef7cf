package dev.hotloop.agent.vector;

/**
 * The lane operations of the IR, each named after its {@code jdk.incubator.vector.VectorOperators}
 * constant. Every strict operation gives bit-identical results lane by lane; the others exist
 * only as Vector API approximations and need {@code fastMath}.
 */
enum Op {
    ADD("+", true, false), SUB("-", true, false), MUL("*", true, false), DIV("/", true, false), REM("%", true, false),
    AND("&", true, false), OR("|", true, false), XOR("^", true, false),
    LSHL("<<", true, false), ASHR(">>", true, false), LSHR(">>>", true, false),
    MIN("min", false, false), MAX("max", false, false),
    NEG("-", false, false), ABS("abs", false, false), SQRT("sqrt", false, false),
    EXP("exp", false, true), LOG("log", false, true), LOG10("log10", false, true), LOG1P("log1p", false, true),
    EXPM1("expm1", false, true), SIN("sin", false, true), COS("cos", false, true), TAN("tan", false, true),
    SINH("sinh", false, true), COSH("cosh", false, true), TANH("tanh", false, true), ASIN("asin", false, true),
    ACOS("acos", false, true), ATAN("atan", false, true), CBRT("cbrt", false, true),
    POW("pow", false, true), ATAN2("atan2", false, true), HYPOT("hypot", false, true),
    // JDK methods with a bit-exact lane form that LaneForms composes from operators JDK 17 has
    // (BIT_COUNT and the other counts and reversals are VectorOperators constants, used, from JDK 19)
    BIT_COUNT("bitCount"), LEADING_ZEROS_COUNT("numberOfLeadingZeros"), TRAILING_ZEROS_COUNT("numberOfTrailingZeros"),
    REVERSE("reverse"), REVERSE_BYTES("reverseBytes"),
    FLOOR("floor"), CEIL("ceil"), RINT("rint"), SIGNUM("signum"), COPY_SIGN("copySign");

    private final String symbol;
    private final boolean infix;
    private final boolean approximate;
    private final boolean composed;

    Op(String symbol, boolean infix, boolean approximate) {
        this.symbol = symbol;
        this.infix = infix;
        this.approximate = approximate;
        this.composed = false;
    }

    /** A JDK method with a bit-exact lane form composed by {@link LaneForms}. */
    Op(String symbol) {
        this.symbol = symbol;
        this.infix = false;
        this.approximate = false;
        this.composed = true;
    }

    String symbol() {
        return symbol;
    }

    boolean infix() {
        return infix;
    }

    /** @return whether the Vector API computes it only within an ulp bound (fastMath only) */
    boolean approximate() {
        return approximate;
    }

    /**
     * @return whether {@link LaneForms} composes the lane form (no {@code VectorOperators}
     *     constant on JDK 17), and the scalar form calls the JDK method itself
     */
    boolean composed() {
        return composed;
    }

    /** @return whether it is an {@code Integer}/{@code Long}/{@code Short} bit method, not a {@code Math} one */
    boolean bits() {
        return composed && ordinal() <= REVERSE_BYTES.ordinal();
    }

    /** @return whether the JDK method returns an int count whatever the operand's type */
    boolean counts() {
        return this == BIT_COUNT || this == LEADING_ZEROS_COUNT || this == TRAILING_ZEROS_COUNT;
    }

    /** @return whether the operation takes two operands */
    boolean binary() {
        return ordinal() <= MAX.ordinal() || this == POW || this == ATAN2 || this == HYPOT || this == COPY_SIGN;
    }

    /** @return whether the Vector API can reduce lanes with it */
    boolean associative() {
        return this == ADD || this == MUL || this == AND || this == OR || this == XOR || this == MIN || this == MAX;
    }

    /** @return the {@code VectorOperators} field type descriptor */
    String operatorDescriptor() {
        if (binary()) {
            return associative()
                    ? "Ljdk/incubator/vector/VectorOperators$Associative;"
                    : "Ljdk/incubator/vector/VectorOperators$Binary;";
        }
        return "Ljdk/incubator/vector/VectorOperators$Unary;";
    }

    /**
     * @param name a {@code java.lang.Math} method name
     * @return the operation it computes, or null
     */
    static Op ofMath(String name) {
        for (Op op : values()) {
            if (!op.infix && !op.bits() && op.symbol.equals(name)) {
                return op;
            }
        }
        return null;
    }

    /**
     * @param name an {@code Integer}, {@code Long}, {@code Short} or {@code Character} method name
     * @return the bit operation it computes, or null
     */
    static Op ofBits(String name) {
        for (Op op : values()) {
            if (op.bits() && op.symbol.equals(name)) {
                return op;
            }
        }
        return null;
    }
}
