package dev.hotloop.agent.vector;

/**
 * The lane operations of the IR, each named after its {@code jdk.incubator.vector.VectorOperators}
 * constant. Every strict operation gives bit-identical results lane by lane; the others exist
 * only as Vector API approximations and need {@code fastMath}.
 */
enum Op {
    ADD("+", true, false), SUB("-", true, false), MUL("*", true, false), DIV("/", true, false),
    AND("&", true, false), OR("|", true, false), XOR("^", true, false),
    LSHL("<<", true, false), ASHR(">>", true, false), LSHR(">>>", true, false),
    MIN("min", false, false), MAX("max", false, false),
    NEG("-", false, false), ABS("abs", false, false), SQRT("sqrt", false, false),
    EXP("exp", false, true), LOG("log", false, true), LOG10("log10", false, true), LOG1P("log1p", false, true),
    EXPM1("expm1", false, true), SIN("sin", false, true), COS("cos", false, true), TAN("tan", false, true),
    SINH("sinh", false, true), COSH("cosh", false, true), TANH("tanh", false, true), ASIN("asin", false, true),
    ACOS("acos", false, true), ATAN("atan", false, true), CBRT("cbrt", false, true),
    POW("pow", false, true), ATAN2("atan2", false, true), HYPOT("hypot", false, true);

    private final String symbol;
    private final boolean infix;
    private final boolean approximate;

    Op(String symbol, boolean infix, boolean approximate) {
        this.symbol = symbol;
        this.infix = infix;
        this.approximate = approximate;
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

    /** @return whether the operation takes two operands */
    boolean binary() {
        return ordinal() <= MAX.ordinal() || this == POW || this == ATAN2 || this == HYPOT;
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
            if (!op.infix && op.symbol.equals(name)) {
                return op;
            }
        }
        return null;
    }
}
