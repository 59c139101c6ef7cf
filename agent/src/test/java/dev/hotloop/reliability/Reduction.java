package dev.hotloop.reliability;

import java.util.SplittableRandom;

/**
 * A reduction of a local {@code s} over the loop: its accumulator type and operator. With
 * {@code fastMath} only floating-point sums are generated, the one reduction whose result may
 * differ (within the reordering bound, see {@link Outcomes}).
 *
 * @param acc the accumulator's type
 * @param op  {@code +=}, {@code -=}, {@code *=}, {@code &=}, {@code |=}, {@code ^=}, {@code min}, {@code max}
 */
record Reduction(Ty acc, String op) {

    /**
     * Strict kernels from this seed on always hold a float or double sum, difference or product,
     * which the agent folds lane by lane in order, and three in four of them ask for the SIMD form
     * with {@code @Vectorize(unroll = 1 or 2)}; below it, kernels are drawn exactly as before, so
     * that a recorded seed replays the same kernel.
     */
    static final long ORDERED_SEEDS = 20_000_000L;

    /**
     * @param r        the kernel's random
     * @param fastMath whether the kernel is {@code fastMath}
     * @param ordered  whether it is a strict kernel of the {@link #ORDERED_SEEDS} band
     * @return the kernel's reduction
     */
    static Reduction pick(SplittableRandom r, boolean fastMath, boolean ordered) {
        if (fastMath) {
            return new Reduction(r.nextBoolean() ? Ty.FLOAT : Ty.DOUBLE, "+=");
        }
        if (ordered) {
            return new Reduction(r.nextBoolean() ? Ty.FLOAT : Ty.DOUBLE, Ty.pick(r, "+=", "+=", "-=", "*="));
        }
        Ty acc = Ty.any(r);
        String op = acc.integral() ? Ty.pick(r, "+=", "-=", "*=", "&=", "|=", "^=", "min", "max")
                : Ty.pick(r, "+=", "*=", "min", "max", "min", "max");
        return new Reduction(acc, op);
    }

    String describe() {
        return "reduction " + acc.java + " " + op;
    }

    /** @return {@code s op= term;} and, for the error-scale twin, the sum of {@code |term|} */
    Node statement(Node term) {
        if (op.equals("min") || op.equals("max")) {
            String cast = acc.promoted() == acc ? "" : "(" + acc.java + ") ";
            return Node.stmt("s = " + cast + "Math." + op + "(s, #);", term);
        }
        return Node.scaled("s " + op + " #;", "s += Math.abs((double) (#));", null, term);
    }

    /** @return {@code T s = identity;}, sometimes another start value; in the twin, {@code |start|} */
    Node declaration(SplittableRandom r) {
        String init = switch (op) {
            case "*=" -> acc.small(true);
            case "&=" -> acc.integral() ? "-1" : acc.small(false);
            case "min" -> acc.integral() ? boxed() + ".MAX_VALUE" : boxed() + ".POSITIVE_INFINITY";
            case "max" -> acc.integral() ? boxed() + ".MIN_VALUE" : boxed() + ".NEGATIVE_INFINITY";
            default -> acc.small(false);
        };
        if (r.nextInt(4) == 0) {
            init = acc.literal(r);
        }
        String cast = acc.promoted() == acc ? "" : "(" + acc.java + ") ";
        // The start value is the first term of the sum: its magnitude counts in the error scale.
        return Node.scaled(acc.java + " s = " + cast + init + ";", "double s = Math.abs((double) (" + init + "));", "s");
    }

    private String boxed() {
        return switch (acc) {
            case BYTE -> "Byte";
            case SHORT -> "Short";
            case INT -> "Integer";
            case LONG -> "Long";
            case FLOAT -> "Float";
            case DOUBLE -> "Double";
            case CHAR -> "Character";
        };
    }
}
