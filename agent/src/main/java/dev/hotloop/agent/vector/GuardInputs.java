package dev.hotloop.agent.vector;

import dev.hotloop.agent.vector.Expr.Binary;
import java.util.ArrayList;
import java.util.List;

/**
 * What the run-time guards of a plan check before the SIMD code runs: the references the loop
 * dereferences (null), the invariant integer divisors (zero) and the pairs of arrays that must
 * not be one array (aliasing). The bounds and the dependences known only at run time come from
 * {@link Accesses} and {@link Dependences}.
 */
final class GuardInputs {

    private GuardInputs() {
    }

    /** @return the objects and arrays the loop dereferences, which the guards check for null */
    static List<Expr> references(LoopIR ir) {
        List<Expr> out = new ArrayList<>();
        List<Expr> all = new ArrayList<>(ir.traps());
        for (Store s : ir.stores()) {
            all.add(new Expr.Load(s.array(), s.index(), s.element()));
        }
        for (Flag f : ir.flags()) {
            all.add(new Expr.Load(f.array(), new Expr.Const(Kind.INT, f.index()), Kind.BYTE));
        }
        for (Expr t : all) {
            Expr ref = t instanceof Expr.Load l ? l.array() : t instanceof Expr.Length l ? l.array()
                    : t instanceof Expr.Field f ? f.object() : null;
            if (ref != null && !out.contains(ref)) {
                out.add(ref);
            }
        }
        return List.copyOf(out);
    }

    /** @return the invariant integer divisors, which the guards check for zero before they are computed */
    static List<Expr> divisors(List<Expr> computed, Expr bound) {
        List<Expr> out = new ArrayList<>();
        List<Expr> all = new ArrayList<>(computed);
        all.add(bound);
        for (Expr e : all) {
            for (Expr n : Walk.nodes(e)) {
                if (n instanceof Binary b && (b.op() == Op.DIV || b.op() == Op.REM) && b.kind().integral() && !out.contains(b.right())) {
                    out.add(b.right());
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean paired(List<Expr[]> pairs, Expr x, Expr y) {
        for (Expr[] p : pairs) {
            if (p[0].equals(x) && p[1].equals(y) || p[0].equals(y) && p[1].equals(x)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the pairs of arrays that the guards check are not the same array: of one element
     *     type, one of them written; and a flag's array with each other {@code boolean[]} the loop
     *     reads or writes, unless the flag is in a coverage tool's probe array
     */
    static List<Expr[]> aliases(List<Access> accesses, List<Flag> flags) {
        List<Expr[]> out = aliases(accesses);
        // a flag is raised after its chunk: no access of the chunk may be to its array (see Dependences.flags)
        for (Flag f : flags) {
            for (Access a : accesses) {
                if (a.element() == Kind.BOOLEAN && !(f.array() instanceof Expr.ProbeArray) && !a.array().equals(f.array())
                        && !paired(out, f.array(), a.array())) {
                    out.add(new Expr[] {f.array(), a.array()});
                }
            }
        }
        return out;
    }

    private static List<Expr[]> aliases(List<Access> accesses) {
        List<Expr[]> out = new ArrayList<>();
        for (int i = 0; i < accesses.size(); i++) {
            for (int j = i + 1; j < accesses.size(); j++) {
                Access a = accesses.get(i);
                Access b = accesses.get(j);
                if ((a.written() || b.written()) && a.element() == b.element() && !a.array().equals(b.array())
                        && !paired(out, a.array(), b.array())) {
                    out.add(new Expr[] {a.array(), b.array()});
                }
            }
        }
        return out;
    }
}
