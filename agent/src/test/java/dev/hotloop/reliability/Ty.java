package dev.hotloop.reliability;

import java.util.SplittableRandom;

/** The primitive types a fuzzed kernel computes with: array element types and expression types. */
enum Ty {
    BYTE("byte"), SHORT("short"), INT("int"), LONG("long"), FLOAT("float"), DOUBLE("double"), CHAR("char");

    /** The types an expression can have after Java's binary numeric promotion. */
    static final Ty[] EXPRESSION = {INT, LONG, FLOAT, DOUBLE};

    final String java;

    Ty(String java) {
        this.java = java;
    }

    /** @return the type an element of this type has in arithmetic: byte, short and char widen to int */
    Ty promoted() {
        return this == BYTE || this == SHORT || this == CHAR ? INT : this;
    }

    boolean integral() {
        return this != FLOAT && this != DOUBLE;
    }

    /** @return a literal of this (promoted) type, zero-like or one-like, for the shrinker */
    String small(boolean one) {
        return switch (promoted()) {
            case LONG -> one ? "1L" : "0L";
            case FLOAT -> one ? "1.0f" : "0.0f";
            case DOUBLE -> one ? "1.0" : "0.0";
            default -> one ? "1" : "0";
        };
    }

    /** @return a literal of this (promoted) type: sometimes an edge value, never a compile error */
    String literal(SplittableRandom r) {
        boolean edge = r.nextInt(4) == 0;
        switch (promoted()) {
            case INT -> {
                if (edge) {
                    return pick(r, "Integer.MIN_VALUE", "Integer.MAX_VALUE", "(-1)", "0", "0x55555555");
                }
                int v = r.nextInt(-8, 40);
                return v < 0 ? "(" + v + ")" : Integer.toString(v);
            }
            case LONG -> {
                if (edge) {
                    return pick(r, "Long.MIN_VALUE", "Long.MAX_VALUE", "(-1L)", "0L", "0x5555555555555555L");
                }
                long v = r.nextInt(-8, 40);
                return v < 0 ? "(" + v + "L)" : v + "L";
            }
            case FLOAT -> {
                if (edge) {
                    return pick(r, "Float.NaN", "Float.POSITIVE_INFINITY", "Float.NEGATIVE_INFINITY", "(-0.0f)",
                            "Float.MIN_VALUE", "Float.MAX_VALUE", "Float.MIN_NORMAL", "16777217.0f");
                }
                float v = (float) (r.nextInt(-64, 64) / 8.0);
                return v < 0 ? "(" + v + "f)" : v + "f";
            }
            default -> {
                if (edge) {
                    return pick(r, "Double.NaN", "Double.POSITIVE_INFINITY", "Double.NEGATIVE_INFINITY", "(-0.0)",
                            "Double.MIN_VALUE", "Double.MAX_VALUE", "Double.MIN_NORMAL", "9.007199254740993E15");
                }
                double v = r.nextInt(-64, 64) / 8.0;
                return v < 0 ? "(" + v + ")" : Double.toString(v);
            }
        }
    }

    /** @return the array class with this element type */
    Class<?> arrayClass() {
        return switch (this) {
            case BYTE -> byte[].class;
            case SHORT -> short[].class;
            case INT -> int[].class;
            case LONG -> long[].class;
            case FLOAT -> float[].class;
            case DOUBLE -> double[].class;
            case CHAR -> char[].class;
        };
    }

    /**
     * Kernels from this seed on may have {@code char[]} arrays; below it they are generated exactly
     * as before char arrays were rewritten, so that a recorded seed replays the same kernel.
     */
    static final long CHAR_SEEDS = 10_000_000L;

    /**
     * Kernels from this seed on may also call the JDK methods with lane forms ({@code Integer.bitCount},
     * {@code Math.floor}, ...; see {@link ExprGen}); below it they are generated exactly as before.
     */
    static final long INTRINSIC_SEEDS = 30_000_000L;

    /**
     * Kernels from this seed on may also step by 2 to 4 either way, read {@code a[i - d]} after
     * writing {@code a[i]} (a dependence at a constant distance {@code d} of 2 to 16) and gather
     * through an {@code int[] keys} parameter; below it they are generated exactly as before.
     */
    static final long INDEX_SEEDS = 40_000_000L;

    /**
     * Kernels from this seed on may hold a {@link SelectionGen} (max by comparison, argmax);
     * below it they are generated as before.
     */
    static final long SELECT_SEEDS = 50_000_000L;

    /**
     * Kernels from this seed on may also end their loop with {@code i != end} and count with a
     * {@code short}, {@code byte} or {@code char} index; below it they are generated as before.
     */
    static final long EXIT_SEEDS = 60_000_000L;

    /**
     * Kernels from this seed on also read and write one or two {@code boolean[]} arrays
     * ({@code f0}, {@code f1}) and a {@code boolean xf}: comparisons stored as booleans, loaded
     * booleans as conditions, masks and {@code ?:} operands, {@code & | ^ !} between them, compound
     * {@code &= |= ^=} and flags raised at a constant index (see {@link FlagGen}); below it they are
     * generated as before. (Not an element type of {@link Ty}: a new constant would change
     * {@link #anyWithChar}'s draws, and so every kernel from {@link #CHAR_SEEDS} on.)
     */
    static final long BOOL_SEEDS = 70_000_000L;

    /** The element types of kernels below {@link #CHAR_SEEDS}. */
    private static final Ty[] BEFORE_CHAR = {BYTE, SHORT, INT, LONG, FLOAT, DOUBLE};

    /** @return an element type of a kernel below {@link #CHAR_SEEDS} */
    static Ty any(SplittableRandom r) {
        return BEFORE_CHAR[r.nextInt(BEFORE_CHAR.length)];
    }

    /** @return an element type of a kernel from {@link #CHAR_SEEDS} on: {@code char} too */
    static Ty anyWithChar(SplittableRandom r) {
        return values()[r.nextInt(values().length)];
    }

    static Ty anyExpression(SplittableRandom r) {
        return EXPRESSION[r.nextInt(EXPRESSION.length)];
    }

    static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
