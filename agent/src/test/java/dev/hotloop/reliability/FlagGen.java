package dev.hotloop.reliability;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code boolean[]} part of kernels from {@link Ty#BOOL_SEEDS} on: one or two arrays
 * {@code f0}, {@code f1} and a parameter {@code boolean xf}, read as conditions, masks and
 * {@code ?:} operands and written with comparisons, {@code ! & | ^ && ||} of other booleans,
 * compound {@code &= |= ^=} and {@code f0[0] = true} under a condition (a flag an iteration
 * raises); {@code boolean} locals hold such values for later conditions. It draws from a random of its own, so the kernel's other draws stay as in the bands
 * below, and exists only in this band.
 */
final class FlagGen {

    private final SplittableRandom r;
    private final List<String> flags;
    private ExprGen exprs;

    /**
     * @param r     the band's own random
     * @param count how many {@code boolean[]} arrays (1 or 2)
     */
    private FlagGen(SplittableRandom r, int count) {
        this.r = r;
        this.flags = count == 1 ? List.of("f0") : List.of("f0", "f1");
    }

    /** @return the generator of a kernel of this seed, or null below {@link Ty#BOOL_SEEDS} */
    static FlagGen of(long seed) {
        if (seed < Ty.BOOL_SEEDS) {
            return null;
        }
        SplittableRandom r = new SplittableRandom(seed * 31 + 70);
        return new FlagGen(r, 1 + r.nextInt(2));
    }

    void use(ExprGen exprs) {
        this.exprs = exprs;
    }

    List<String> arrays() {
        return flags;
    }

    /** @return the parameters it adds after the numeric arrays */
    String arrayParams() {
        StringBuilder b = new StringBuilder();
        for (String f : flags) {
            b.append("boolean[] ").append(f).append(", ");
        }
        return b.toString();
    }

    /** @return whether this condition (of {@link ExprGen#cond}) is one over booleans */
    boolean takesCond() {
        return r.nextInt(4) == 0;
    }

    /** @return whether this leaf of an arithmetic expression is a boolean turned into a number */
    boolean takesLeaf() {
        return r.nextInt(8) == 0;
    }

    /** @return whether this statement of the loop body is one that writes a boolean */
    boolean takesStatement() {
        return r.nextInt(3) == 0;
    }

    /** A boolean element, its negation, {@code xf}, a combination of two, or one with a comparison. */
    Node cond(Scope s, int depth) {
        int pick = r.nextInt(depth > 0 ? 8 : 4);
        return switch (pick) {
            case 0, 1 -> Node.expr(null, element(s));
            case 2 -> Node.expr(null, "(!" + element(s) + ")");
            case 3 -> Node.expr(null, r.nextInt(3) == 0 ? "(!xf)" : "xf");
            case 4, 5 -> Node.expr(null, "(# " + Ty.pick(r, "&", "|", "^", "==", "!=") + " #)", cond(s, depth - 1), cond(s, depth - 1));
            case 6 -> Node.expr(null, "(# " + Ty.pick(r, "&&", "||") + " #)", cond(s, 0), exprs.cond(s, depth - 1));
            default -> r.nextInt(3) != 0 ? Node.expr(null, "(# " + Ty.pick(r, "&&", "||") + " #)", exprs.cond(s, depth - 1), cond(s, 0))
                    : Node.expr(null, "(# ? # : #)", cond(s, 0), exprs.cond(s, depth - 1), cond(s, 0));
        };
    }

    /** A boolean as a number of type {@code t}: {@code (f0[i] ? 1 : 0)}, or a choice between two values. */
    Node leaf(Ty t, Scope s) {
        if (r.nextInt(3) == 0) {
            return Node.expr(t, "(# ? # : #)", cond(s, 0), exprs.leaf(t, s), exprs.leaf(t, s));
        }
        boolean one = r.nextInt(4) != 0;
        return Node.expr(t, "(# ? " + t.small(one) + " : " + t.small(!one) + ")", cond(s, r.nextInt(3) == 0 ? 1 : 0));
    }

    /**
     * A store into a boolean array: a condition, a copy, a combination of booleans, a compound
     * {@code &= |= ^=}, or, under a condition, {@code true} at a constant index; or a
     * {@code boolean} local named {@code local}.
     */
    Node statement(Scope s, String index, String local) {
        String target = flags.get(r.nextInt(flags.size())) + "[" + index + "]";
        if (r.nextInt(5) == 0) { // a boolean local, read by later conditions
            Node init = r.nextBoolean() ? cond(s, 1) : exprs.cond(s, 1);
            s.declare(new Scope.Var(local, null));
            return Node.declaration(local, "boolean " + local + " = #;", init);
        }
        return switch (r.nextInt(8)) {
            case 0, 1 -> Node.stmt(target + " = #;", exprs.cond(s, 1));
            case 2, 3 -> Node.stmt(target + " = #;", cond(s, 1));
            case 4 -> Node.stmt(target + " = " + Ty.pick(r, "", "!") + element(s) + ";");
            case 5 -> Node.stmt(target + " " + Ty.pick(r, "&=", "|=", "^=") + " #;", r.nextBoolean() ? cond(s, 1) : exprs.cond(s, 1));
            case 6 -> Node.stmt("if (#) " + flags.get(0) + "[0] = " + (r.nextInt(4) == 0 ? "false" : "true") + ";",
                    r.nextBoolean() ? cond(s, 1) : exprs.cond(s, 1));
            default -> Node.stmt(target + " = # ? # : #;", cond(s, 0), cond(s, 1), exprs.cond(s, 1));
        };
    }

    /** @return a boolean local declared so far, sometimes; else a read of a boolean array at one of the scope's indexes or a gathered one */
    private String element(Scope s) {
        List<Scope.Var> locals = s.locals().stream().filter(v -> v.type() == null).toList();
        if (!locals.isEmpty() && r.nextInt(3) == 0) {
            return locals.get(r.nextInt(locals.size())).name();
        }
        String f = flags.get(r.nextInt(flags.size()));
        if (!s.gathers.isEmpty() && r.nextInt(6) == 0) {
            return f + "[" + s.gathers.get(r.nextInt(s.gathers.size())) + "]";
        }
        return f + "[" + s.indexes.get(r.nextInt(s.indexes.size())) + "]";
    }
}
