package dev.hotloop.agent.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the {@link Selection}s among a loop's locals: {@code best = guard && term cond best ? term : best}
 * with {@code cond} one of {@code > >= < <=}, and the locals assigned under exactly that condition
 * with it. A part of the legality stage; it decides nothing about other locals.
 */
final class Selections {

    private Selections() {
    }

    /**
     * @param finals   each local the loop assigns and its value at the end of an iteration
     * @param names    the locals' source names
     * @return the selections, by slot; their companions' slots are in none of the others
     */
    static List<Selection> find(Map<Integer, Expr> finals, Map<Integer, String> names) {
        Set<Integer> assigned = finals.keySet();
        List<Selection> out = new ArrayList<>();
        Map<Integer, Expr> sorted = new TreeMap<>(finals);
        for (Map.Entry<Integer, Expr> f : sorted.entrySet()) {
            int slot = f.getKey();
            Expr.Select s = update(f.getValue(), slot);
            if (s == null) {
                continue;
            }
            Expr term = s.ifTrue();
            Kind kind = term.kind();
            if (!wide(kind) || s.ifFalse().kind() != kind || reads(term, assigned)) {
                continue;
            }
            Expr.Cmp key = null;
            Expr guard = Simplify.TRUE;
            if (compares(s.cond(), slot, term)) {
                key = (Expr.Cmp) s.cond();
            } else if (s.cond() instanceof Expr.Logic l && l.and() && compares(l.right(), slot, term)) {
                key = (Expr.Cmp) l.right();
                guard = l.left();
            } else if (s.cond() instanceof Expr.Logic l && l.and() && compares(l.left(), slot, term)) {
                key = (Expr.Cmp) l.left();
                guard = l.right();
            }
            if (key == null || reads(guard, assigned)) {
                continue;
            }
            Expr.Cond cond = key.left().equals(term) ? key.cond() : key.cond().swap();
            List<Selection.Companion> companions = new ArrayList<>();
            for (Map.Entry<Integer, Expr> g : sorted.entrySet()) {
                Expr.Select c = update(g.getValue(), g.getKey());
                if (g.getKey() != slot && c != null && c.cond().equals(s.cond()) && wide(c.ifTrue().kind()) && c.ifTrue().kind() == c.ifFalse().kind()
                        && !reads(c.ifTrue(), assigned)) {
                    companions.add(new Selection.Companion(g.getKey(), names.getOrDefault(g.getKey(), "local#" + g.getKey()),
                            c.ifTrue().kind(), c.ifTrue()));
                }
            }
            out.add(new Selection(slot, names.getOrDefault(slot, "local#" + slot), kind, term, cond, guard, s.cond(), List.copyOf(companions)));
        }
        return out;
    }

    /**
     * @return the value as {@code cond ? new : local}, or null when it is no conditional update
     *     of the local
     */
    private static Expr.Select update(Expr value, int slot) {
        if (!(value instanceof Expr.Select s)) {
            return null;
        }
        if (isSelf(s.ifFalse(), slot) && s.ifTrue() instanceof Expr.Select in && isSelf(in.ifTrue(), slot)
                && in.cond() instanceof Expr.Logic l && l.and() && l.left().equals(s.cond())) {
            // c ? (c && !d ? local : x) : local, how an if over c && d joins: c && d ? x : local
            return new Expr.Select(Simplify.and(s.cond(), Simplify.not(l.right())), in.ifFalse(), s.ifFalse());
        }
        if (isSelf(s.ifFalse(), slot)) {
            return s;
        }
        // a negated float comparison stays a Not, never a comparison: the key must be a comparison
        return isSelf(s.ifTrue(), slot) ? new Expr.Select(Simplify.not(s.cond()), s.ifFalse(), s.ifTrue()) : null;
    }

    /** @return whether {@code e} compares {@code term} with the local, ordered (not == or !=) */
    private static boolean compares(Expr e, int slot, Expr term) {
        return e instanceof Expr.Cmp c && c.cond() != Expr.Cond.EQ && c.cond() != Expr.Cond.NE
                && (c.left().equals(term) && isSelf(c.right(), slot) || c.right().equals(term) && isSelf(c.left(), slot));
    }

    /** @return whether a local of the kind is a lane type as it is (not a byte or short kept in an int) */
    private static boolean wide(Kind kind) {
        return kind == Kind.INT || kind == Kind.LONG || kind == Kind.FLOAT || kind == Kind.DOUBLE;
    }

    private static boolean isSelf(Expr e, int slot) {
        return e instanceof Expr.Var v && v.slot() == slot;
    }

    private static boolean reads(Expr e, Set<Integer> assigned) {
        for (Expr n : Walk.nodes(e)) {
            if (n instanceof Expr.Var v && assigned.contains(v.slot())) {
                return true;
            }
        }
        return false;
    }

    /** @return the values a selection computes per element: the candidate, the guard, the iteration index and the companions' values */
    static List<Expr> values(Selection s, String iv) {
        List<Expr> out = new ArrayList<>();
        out.add(s.term());
        if (!(s.guard() instanceof Expr.True)) {
            out.add(s.guard());
        }
        out.add(new Expr.Iv(iv));
        for (Selection.Companion c : s.companions()) {
            out.add(c.value());
        }
        return out;
    }
}
