package dev.hotloop.agent.vector;

/**
 * The type of a value in the loop IR: a primitive lane type, a mask ({@link #BOOL}), or a
 * reference ({@link #REF}, arrays and objects, never a lane).
 */
enum Kind {
    BYTE(1, "B", "Byte"),
    /** A {@code boolean[]} element: 0 or 1, loaded and stored as byte lanes. */
    BOOLEAN(1, "Z", "Byte"),
    SHORT(2, "S", "Short"),
    /** A {@code char[]} element: 16 unsigned bits, loaded and stored as {@code short} lanes. */
    CHAR(2, "C", "Short"),
    INT(4, "I", "Int"),
    LONG(8, "J", "Long"),
    FLOAT(4, "F", "Float"),
    DOUBLE(8, "D", "Double"),
    BOOL(0, "Z", null),
    REF(0, "Ljava/lang/Object;", null);

    private final int bytes;
    private final String descriptor;
    private final String vectorPrefix;

    Kind(int bytes, String descriptor, String vectorPrefix) {
        this.bytes = bytes;
        this.descriptor = descriptor;
        this.vectorPrefix = vectorPrefix;
    }

    /** @return bytes per lane (0 for masks and references) */
    int bytes() {
        return bytes;
    }

    /** @return whether values of this kind can be vector lanes */
    boolean lane() {
        return vectorPrefix != null;
    }

    boolean floating() {
        return this == FLOAT || this == DOUBLE;
    }

    boolean integral() {
        return this == BYTE || this == BOOLEAN || this == SHORT || this == CHAR || this == INT || this == LONG;
    }

    /** @return the scalar descriptor ({@code F}) */
    String descriptor() {
        return descriptor;
    }

    /** @return {@code jdk/incubator/vector/FloatVector} */
    String vectorClass() {
        return "jdk/incubator/vector/" + vectorPrefix + "Vector";
    }

    /** @return the Java name of the element type, as users write it */
    String javaName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the kind the JVM computes with: byte, boolean, short and char values are ints on the stack */
    Kind stack() {
        return this == BYTE || this == BOOLEAN || this == SHORT || this == CHAR ? INT : this;
    }

    /** @return the kind a JVM type descriptor names, or null for char/boolean/void */
    static Kind ofDescriptor(String desc) {
        switch (desc) {
            case "B": return BYTE;
            case "S": return SHORT;
            case "I": return INT;
            case "J": return LONG;
            case "F": return FLOAT;
            case "D": return DOUBLE;
            default: return desc.startsWith("[") || desc.startsWith("L") ? REF : null;
        }
    }
}
