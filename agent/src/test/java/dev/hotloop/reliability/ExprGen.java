package dev.hotloop.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random, well-typed Java expressions over a {@link Scope}: arithmetic, bitwise operators and
 * shifts, casts (narrowing ones included), {@code Math.abs/min/max/sqrt/fma}, comparisons and
 * {@code ?:}, and from {@link Ty#INTRINSIC_SEEDS} on the JDK methods with lane forms
 * ({@code Integer.bitCount}, {@code Math.floor}, ...). Every expression compiles; many of them overflow, divide by zero or meet NaN on the
 * inputs the harness chooses, which is the point.
 */
final class ExprGen {

    private final SplittableRandom r;
    /** Draws the JDK intrinsic calls of kernels from {@link Ty#INTRINSIC_SEEDS} on; null below. */
    private final SplittableRandom intrinsics;
    /** Adds boolean conditions and leaves in kernels from {@link Ty#BOOL_SEEDS} on; null below. */
    private FlagGen flags;

    ExprGen(SplittableRandom r) {
        this(r, null);
    }

    ExprGen(SplittableRandom r, SplittableRandom intrinsics) {
        this.r = r;
        this.intrinsics = intrinsics;
    }

    /** @param flags the kernel's {@code boolean[]} part, or null below {@link Ty#BOOL_SEEDS} */
    void flags(FlagGen flags) {
        this.flags = flags;
        if (flags != null) {
            flags.use(this);
        }
    }

    /**
     * @param t     an expression type ({@link Ty#EXPRESSION})
     * @param depth how many more operator levels are allowed
     */
    Node gen(Ty t, Scope s, int depth) {
        if (depth <= 0 || r.nextInt(4) == 0) {
            return leaf(t, s);
        }
        if (intrinsics != null && intrinsics.nextInt(5) == 0) {
            return intrinsic(t, s, depth);
        }
        int pick = r.nextInt(10);
        return switch (pick) {
            case 0, 1, 2 -> arithmetic(t, s, depth);
            case 3 -> t.integral() ? bitwise(t, s, depth) : arithmetic(t, s, depth);
            case 4 -> cast(t, s, depth);
            case 5 -> math(t, s, depth);
            case 6 -> Node.expr(t, "(# ? # : #)", cond(s, depth - 1), gen(t, s, depth - 1), gen(t, s, depth - 1));
            case 7 -> t.integral() ? Node.expr(t, Ty.pick(r, "(-#)", "(~#)"), gen(t, s, depth - 1))
                    : Node.expr(t, "(-#)", gen(t, s, depth - 1));
            default -> leaf(t, s);
        };
    }

    /** A comparison, sometimes negated or combined. */
    Node cond(Scope s, int depth) {
        if (flags != null && flags.takesCond()) {
            return flags.cond(s, depth);
        }
        Ty t = Ty.anyExpression(r);
        String op = Ty.pick(r, "<", "<=", ">", ">=", "==", "!=");
        Node c = Node.expr(null, "(# " + op + " #)", gen(t, s, Math.max(0, depth)), gen(t, s, Math.max(0, depth - 1)));
        return switch (r.nextInt(6)) {
            case 0 -> Node.expr(null, "(!#)", c);
            case 1 -> Node.expr(null, "(# && #)", c, cond(s, depth - 1));
            case 2 -> Node.expr(null, "(# || #)", c, cond(s, depth - 1));
            default -> c;
        };
    }

    private Node arithmetic(Ty t, Scope s, int depth) {
        String op = Ty.pick(r, "+", "-", "*", "+", "-", "*", "/", "%");
        return Node.expr(t, "(# " + op + " #)", gen(t, s, depth - 1), gen(t, s, depth - 1));
    }

    private Node bitwise(Ty t, Scope s, int depth) {
        String op = Ty.pick(r, "&", "|", "^", "<<", ">>", ">>>");
        boolean shift = op.length() > 1;
        Ty right = shift ? (r.nextBoolean() ? Ty.INT : t) : t;
        return Node.expr(t, "(# " + op + " #)", gen(t, s, depth - 1), gen(right, s, depth - 1));
    }

    private Node cast(Ty t, Scope s, int depth) {
        Ty from = Ty.anyExpression(r);
        if (t == Ty.INT && r.nextInt(3) == 0) {
            // Narrowing through short, byte or char, then widened back to int by the context.
            return Node.expr(t, Ty.pick(r, "((short) #)", "((byte) #)", "((char) #)"), gen(from, s, depth - 1));
        }
        return Node.expr(t, "((" + t.java + ") #)", gen(from, s, depth - 1));
    }

    private Node math(Ty t, Scope s, int depth) {
        int pick = r.nextInt(t.integral() ? 3 : 5);
        return switch (pick) {
            case 0 -> Node.expr(t, "Math.abs(#)", gen(t, s, depth - 1));
            case 1 -> Node.expr(t, "Math.min(#, #)", gen(t, s, depth - 1), gen(t, s, depth - 1));
            case 2 -> Node.expr(t, "Math.max(#, #)", gen(t, s, depth - 1), gen(t, s, depth - 1));
            case 3 -> t == Ty.DOUBLE ? Node.expr(t, "Math.sqrt(#)", gen(t, s, depth - 1))
                    : Node.expr(t, "((float) Math.sqrt(#))", gen(t, s, depth - 1));
            default -> Node.expr(t, "Math.fma(#, #, #)", gen(t, s, depth - 1), gen(t, s, depth - 1), gen(t, s, depth - 1));
        };
    }

    /**
     * A JDK method with a bit-exact lane form: the {@code Integer}/{@code Long} bit counts and
     * reversals ({@code Short}/{@code Character.reverseBytes} too), {@code Math} and
     * {@code StrictMath} floor, ceil, rint, signum and copySign.
     */
    private Node intrinsic(Ty t, Scope s, int depth) {
        String[] ints = {"Integer.bitCount(#)", "Integer.numberOfLeadingZeros(#)", "Integer.numberOfTrailingZeros(#)",
            "Integer.reverse(#)", "Integer.reverseBytes(#)", "Short.reverseBytes((short) #)", "Character.reverseBytes((char) #)"};
        String[] longs = {"Long.bitCount(#)", "Long.numberOfLeadingZeros(#)", "Long.numberOfTrailingZeros(#)"};
        String[] wide = {"Long.reverse(#)", "Long.reverseBytes(#)"};
        String[] rounding = {"Math.floor(#)", "Math.ceil(#)", "Math.rint(#)", "StrictMath.floor(#)", "StrictMath.ceil(#)",
            "StrictMath.rint(#)"};
        String[] signs = {"Math.signum(#)", "StrictMath.signum(#)", "Math.copySign(#, #)", "StrictMath.copySign(#, #)"};
        String call;
        Ty arg;
        switch (t) {
            case INT -> {
                boolean wideArg = intrinsics.nextInt(3) == 0;
                call = Ty.pick(intrinsics, wideArg ? longs : ints);
                arg = wideArg ? Ty.LONG : Ty.INT;
            }
            case LONG -> {
                int k = intrinsics.nextInt(3);
                call = k == 0 ? "((long) " + Ty.pick(intrinsics, ints) + ")" : k == 1 ? "((long) " + Ty.pick(intrinsics, longs) + ")"
                        : Ty.pick(intrinsics, wide);
                arg = k == 0 ? Ty.INT : Ty.LONG;
            }
            case FLOAT -> {
                boolean round = intrinsics.nextBoolean();
                call = round ? "((float) " + Ty.pick(intrinsics, rounding) + ")" : Ty.pick(intrinsics, signs);
                arg = Ty.FLOAT;
            }
            default -> {
                call = Ty.pick(intrinsics, intrinsics.nextBoolean() ? rounding : signs);
                arg = Ty.DOUBLE;
            }
        }
        Node x = gen(arg, s, depth - 1);
        return call.contains("#, #") ? Node.expr(t, call, x, gen(arg, s, depth - 1)) : Node.expr(t, call, x);
    }

    /** An array element, a parameter, a local, the index, or a literal: widened or cast to {@code t}. */
    Node leaf(Ty t, Scope s) {
        if (flags != null && flags.takesLeaf()) {
            return flags.leaf(t, s);
        }
        List<Node> options = new ArrayList<>();
        for (Scope.Var a : s.arrays) {
            options.add(fit(t, a.type().promoted(), a.name() + "[" + s.indexes.get(r.nextInt(s.indexes.size())) + "]"));
        }
        for (String g : s.gathers) { // none below Ty.INDEX_SEEDS: the draws there stay as they were
            Scope.Var a = s.arrays.get(r.nextInt(s.arrays.size()));
            options.add(fit(t, a.type().promoted(), a.name() + "[" + g + "]"));
        }
        for (Scope.Var v : s.scalars) {
            options.add(fit(t, v.type(), v.name()));
        }
        for (Scope.Var v : s.locals()) {
            if (v.type() == null) { // a boolean local (Ty.BOOL_SEEDS on): FlagGen reads it
                continue;
            }
            options.add(fit(t, v.type(), v.name()));
            options.add(fit(t, v.type(), v.name()));
        }
        options.add(fit(t, Ty.INT, "i"));
        int literals = Math.max(1, options.size() / 4);
        for (int k = 0; k < literals; k++) {
            options.add(Node.expr(t, t.literal(r)));
        }
        return options.get(r.nextInt(options.size()));
    }

    private static Node fit(Ty want, Ty have, String text) {
        return want == have ? Node.expr(want, text) : Node.expr(want, "((" + want.java + ") " + text + ")");
    }
}
