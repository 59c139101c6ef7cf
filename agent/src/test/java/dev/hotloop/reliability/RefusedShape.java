package dev.hotloop.reliability;

import java.util.SplittableRandom;

/**
 * Loop bodies the agent must never rewrite (DESIGN.md section 2): one of these in a loop makes a
 * rewrite of it a failure in itself, whatever the outputs.
 */
enum RefusedShape {
    /** {@code a[i] = a[i - 1] + x}: a loop-carried dependence through an array. */
    RECURRENCE,
    /** {@code h[k[i]]++}: a store at a non-affine index. */
    HISTOGRAM,
    /** A call to a method that writes a static field. */
    CALL,
    /** {@code if (c) break;} */
    BREAK,
    /** {@code if (c) return;} */
    RETURN,
    /** A store to a static field. */
    FIELD,
    /** An array allocated in every iteration. */
    ALLOCATION,
    /** A {@code synchronized} block. */
    SYNCHRONIZED;

    /**
     * The test of an early exit. A generated condition can be a constant, which javac folds away:
     * a false one ({@code -5.125f <= -7.625f}) with the exit it guards, leaving a loop the agent may
     * rightly rewrite; a true one, {@code ||}-ed with anything, into an exit on the first iteration,
     * leaving no loop at all. An exclusive or with a test on the index is never folded, so the exit
     * stays in the bytecode and stays conditional (the index never reaches {@code MIN_VALUE}).
     */
    private static final String EXIT_TEST = "(#) ^ (i == Integer.MIN_VALUE)";

    private static String cast(Ty t) {
        return t.promoted() == t ? "" : "(" + t.java + ") ";
    }

    /**
     * @return whether the shape is an early exit, which a loop that only searches may have once
     *     rewritten (its kernel is compared, but a rewrite is no failure in itself)
     */
    boolean searches() {
        return this == BREAK || this == RETURN;
    }

    static RefusedShape any(SplittableRandom r) {
        return values()[r.nextInt(values().length)];
    }

    Node statement(KernelGen g) {
        Scope s = g.scope();
        ExprGen e = g.exprs();
        Scope.Var a = g.array();
        Ty t = a.type().promoted();
        String store = a.name() + "[i] = " + KernelGen.narrow(a.type());
        return switch (this) {
            case RECURRENCE -> Node.stmt(store, Node.expr(t, "(" + a.name() + "[i - 1] + #)", e.gen(t, s, 2)));
            // >>> 1 keeps the index non-affine even when the loop stores k[i] = i first (a store the
            // vectorizer forwards, which would make a[k[i]] a plain a[i])
            case HISTOGRAM -> Node.stmt(a.name() + "[" + g.array(Ty.INT).name() + "[i] >>> 1]++;");
            case CALL -> {
                String tap = "tap" + g.suffix();
                g.helper("static int CALLS" + g.suffix() + ";");
                g.helper("static " + t.java + " " + tap + "(" + t.java + " v) { CALLS" + g.suffix() + "++; return v; }");
                yield Node.stmt(store.replace("#", tap + "(#)"), e.gen(t, s, 2));
            }
            case BREAK -> Node.stmt("if (" + EXIT_TEST + ") break;", e.cond(s, 1));
            case RETURN -> g.returns() == null ? Node.stmt("if (" + EXIT_TEST + ") return;", e.cond(s, 1))
                    : Node.stmt("if (" + EXIT_TEST + ") return " + cast(g.returns()) + "#;", e.cond(s, 1),
                            e.gen(g.returns().promoted(), s, 1));
            case FIELD -> {
                g.helper("static " + t.java + " FIELD" + g.suffix() + ";");
                yield Node.stmt("FIELD" + g.suffix() + " " + Ty.pick(g.random(), "=", "+=") + " #;", e.gen(t, s, 2));
            }
            case ALLOCATION -> Node.stmt("{ " + a.type().java + "[] box = { (" + a.type().java + ") (#) }; " + a.name()
                    + "[i] = box[0]; }", e.gen(t, s, 2));
            case SYNCHRONIZED -> Node.stmt("synchronized (" + a.name() + ") { " + store + " }", e.gen(t, s, 2));
        };
    }
}
