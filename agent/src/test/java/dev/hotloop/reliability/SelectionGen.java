package dev.hotloop.reliability;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A selection of a local {@code s} for kernels from {@link Ty#SELECT_SEEDS} on: {@code if (v > s) s = v;}
 * with any of {@code > >= < <=}, either side first, sometimes a further condition, and for an
 * argmax also {@code at = i}. Candidates are sometimes multiplied by zero (floating: every value a
 * tie between {@code -0.0}, {@code 0.0} and NaN) or masked to two bits (integral: many ties).
 *
 * @param acc     the local's type: int, long, float or double
 * @param op      the comparison, {@code v op s}
 * @param swapped whether it is written {@code s op' v}
 * @param ties    whether the candidate is squeezed into few values
 * @param guarded whether a further condition joins the comparison
 * @param arg     whether {@code at = i} goes with it (the kernel returns both)
 * @param init    the start value of {@code s}
 */
record SelectionGen(Ty acc, String op, boolean swapped, boolean ties, boolean guarded, boolean arg, String init) {

    private static final Ty[] TYPES = {Ty.INT, Ty.LONG, Ty.FLOAT, Ty.DOUBLE};

    /** @param r a random of the selection's own, so the kernel's other draws stay as they were */
    static SelectionGen pick(SplittableRandom r) {
        Ty acc = TYPES[r.nextInt(TYPES.length)];
        String op = Ty.pick(r, ">", ">=", "<", "<=");
        String init = switch (r.nextInt(4)) {
            case 0 -> acc.literal(r);
            case 1 -> acc.small(false);
            default -> acc.integral() ? boxed(acc) + (op.startsWith(">") ? ".MIN_VALUE" : ".MAX_VALUE")
                    : boxed(acc) + (op.startsWith(">") ? ".NEGATIVE_INFINITY" : ".POSITIVE_INFINITY");
        };
        return new SelectionGen(acc, op, r.nextBoolean(), r.nextInt(3) == 0, r.nextInt(4) == 0, r.nextBoolean(), init);
    }

    private static String boxed(Ty t) {
        return switch (t) {
            case INT -> "Integer";
            case LONG -> "Long";
            case FLOAT -> "Float";
            default -> "Double";
        };
    }

    String describe() {
        return (arg ? "arg" : "") + "select " + acc.java + " " + op + (ties ? " ties" : "") + (guarded ? " guarded" : "");
    }

    /** @return what the kernel returns: {@code s}, or for an argmax a long of both */
    String returnType() {
        return arg ? "long" : acc.java;
    }

    /** @return the declarations before the loop */
    List<Node> declarations() {
        Node s = Node.declaration("s", acc.java + " s = " + init + ";");
        return arg ? List.of(s, Node.declaration("at", "int at = -1;")) : List.of(s);
    }

    /**
     * @param term  the candidate, of {@code acc}'s type
     * @param guard a condition, used when {@link #guarded}
     * @return the statement in the loop
     */
    Node statement(Node term, Node guard) {
        String swap = switch (op) {
            case ">" -> "<";
            case ">=" -> "<=";
            case "<" -> ">";
            default -> ">=";
        };
        String squeeze = !ties ? "#" : acc.integral() ? "(#) & 3" : "(#) * 0";
        String v = "(" + acc.java + ") (" + squeeze + ")";
        String test = (swapped ? "s " + swap + " sv" : "sv " + op + " s") + (guarded ? " && (#)" : "");
        String text = "{ " + acc.java + " sv = " + v + "; if (" + test + ") { s = sv;" + (arg ? " at = i;" : "") + " } }";
        return guarded ? Node.stmt(text, term, guard) : Node.stmt(text, term);
    }

    /** @return the return statement after the loop */
    Node returns() {
        if (!arg) {
            return Node.stmt("return s;");
        }
        String bits = switch (acc) {
            case FLOAT -> "Float.floatToRawIntBits(s)";
            case DOUBLE -> "Double.doubleToRawLongBits(s)";
            default -> "s";
        };
        return Node.stmt("return " + bits + " * 1_000_003L + at;");
    }
}
