package dev.hotloop.agent.vector;

import java.util.List;
import java.util.ArrayList;
import java.util.function.UnaryOperator;

/**
 * Traversal and bottom-up rewriting of IR trees. Callers loop over {@link #nodes} rather than pass
 * lambdas: every lambda site links through LambdaMetafactory the first time it runs, and at class
 * load the agent runs interpreted, where each link cost about half a millisecond (measured).
 */
final class Walk {

    private Walk() {
    }

    /** @return the operands of a node */
    static List<Expr> children(Expr e) {
        if (e instanceof Expr.Field f) {
            return f.object() == null ? List.of() : List.of(f.object());
        } else if (e instanceof Expr.Length l) {
            return List.of(l.array());
        } else if (e instanceof Expr.Load l) {
            return List.of(l.array(), l.index());
        } else if (e instanceof Expr.Unary u) {
            return List.of(u.x());
        } else if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Expr.Fma f) {
            return List.of(f.a(), f.b(), f.c());
        } else if (e instanceof Expr.Convert c) {
            return List.of(c.x());
        } else if (e instanceof Expr.Cmp c) {
            return List.of(c.left(), c.right());
        } else if (e instanceof Expr.Cmp3 c) {
            return List.of(c.left(), c.right());
        } else if (e instanceof Expr.Not n) {
            return List.of(n.x());
        } else if (e instanceof Expr.Logic l) {
            return List.of(l.left(), l.right());
        } else if (e instanceof Expr.Select s) {
            return List.of(s.cond(), s.ifTrue(), s.ifFalse());
        }
        return List.of();
    }

    /** @return every node of the tree, operands before the node that uses them */
    static List<Expr> nodes(Expr e) {
        List<Expr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr> out) {
        for (Expr c : children(e)) {
            collect(c, out);
        }
        out.add(e);
    }

    /** @return the tree with {@code f} applied to every node, operands first */
    static Expr map(Expr e, UnaryOperator<Expr> f) {
        Expr r;
        if (e instanceof Expr.Unary u) {
            r = new Expr.Unary(u.op(), u.kind(), map(u.x(), f));
        } else if (e instanceof Expr.Binary b) {
            r = new Expr.Binary(b.op(), b.kind(), map(b.left(), f), map(b.right(), f));
        } else if (e instanceof Expr.Fma x) {
            r = new Expr.Fma(x.kind(), map(x.a(), f), map(x.b(), f), map(x.c(), f));
        } else if (e instanceof Expr.Convert c) {
            r = new Expr.Convert(c.from(), c.kind(), map(c.x(), f));
        } else if (e instanceof Expr.Cmp c) {
            r = new Expr.Cmp(c.cond(), map(c.left(), f), map(c.right(), f));
        } else if (e instanceof Expr.Not n) {
            r = new Expr.Not(map(n.x(), f));
        } else if (e instanceof Expr.Logic l) {
            r = new Expr.Logic(l.and(), map(l.left(), f), map(l.right(), f));
        } else if (e instanceof Expr.Select s) {
            r = new Expr.Select(map(s.cond(), f), map(s.ifTrue(), f), map(s.ifFalse(), f));
        } else {
            r = e; // leaves, loads and fields keep their operands: indexes and arrays are not rewritten
        }
        return f.apply(r);
    }
}
