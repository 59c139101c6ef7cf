package dev.hotloop.agent.vector;

import java.util.Collection;
import java.util.List;

/**
 * Whether a value is the same on every iteration of a loop: built from constants, locals the loop
 * never assigns, fields (the loop stores to none) and elements of arrays it never stores to at
 * invariant indexes.
 */
final class Invariance {

    private final Collection<Integer> assigned;
    private final List<Store> stores;

    /**
     * @param assigned the slots the loop assigns, the induction variable aside
     * @param stores   the loop's array stores
     */
    Invariance(Collection<Integer> assigned, List<Store> stores) {
        this.assigned = assigned;
        this.stores = stores;
    }

    boolean test(Expr e) {
        if (e instanceof Expr.Const || e instanceof Expr.ProbeArray) {
            return true;
        } else if (e instanceof Expr.Var v) {
            return !assigned.contains(v.slot());
        } else if (e instanceof Expr.Field f) {
            return f.object() == null || test(f.object());
        } else if (e instanceof Expr.Length l) {
            return test(l.array());
        } else if (e instanceof Expr.Load l) {
            return test(l.array()) && test(l.index()) && !stored(l.array());
        } else if (e instanceof Expr.Unary u) {
            return test(u.x());
        } else if (e instanceof Expr.Binary b) {
            return test(b.left()) && test(b.right());
        } else if (e instanceof Expr.Convert c) {
            return test(c.x());
        } else if (e instanceof Expr.Fma f) {
            return test(f.a()) && test(f.b()) && test(f.c());
        }
        return false; // the index, conditions and selects vary, or are not worth hoisting
    }

    private boolean stored(Expr array) {
        for (Store s : stores) {
            if (s.array().equals(array)) {
                return true;
            }
        }
        return false;
    }
}
