package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every memory access of a loop with its form ({@link AccessForm}): the stores, then the loads of
 * the values the SIMD code computes, each array and index once. An index must be affine in the
 * induction variable ({@link Affine}), or, for a load from an invariant array, computed per
 * element from affine loads (a gather, {@code a[b[i]]}).
 */
final class Accesses {

    private final LoopIR ir;
    private final Invariance invariance;
    /** The affine form of every index the loop loads or stores at, as checked. */
    private final Map<Expr, Affine> indexes = new HashMap<>();

    Accesses(LoopIR ir, Invariance invariance) {
        this.ir = ir;
        this.invariance = invariance;
    }

    /**
     * @param stores   the loop's stores, their values in final form
     * @param computed every value the SIMD code computes (the loads are found in them)
     * @return the accesses, stores first
     * @throws Refusal for an access the SIMD code cannot make
     */
    List<Access> of(List<Store> stores, List<Expr> computed) throws Refusal {
        List<Access> out = new ArrayList<>();
        for (Store s : stores) {
            Affine a = affine(s.array(), s.index(), "writes");
            if (a.invariant()) {
                throw new Refusal(RefusalCode.INVARIANT_STORE, "writes " + s.array() + "[" + Refusal.brief(s.index()) + "] on every iteration; "
                        + "compute the value in a local and store it after the loop");
            }
            if (a.runtimeStride()) {
                throw new Refusal(RefusalCode.GATHER_SCATTER, "writes " + s.array() + "[" + Refusal.brief(s.index()) + "] with the step " + a.step()
                        + ", known only at run time: a scatter whose lanes could meet (a step of 0) is not generated; "
                        + "step the store's index by a constant");
            }
            AccessForm form = AccessForm.of(a, Math.abs(ir.step()));
            // a reversed store under a condition scatters, so each lane keeps its own mask bit
            add(out, new Access(s.array(), s.element(), a, form == AccessForm.REVERSED && !(s.mask() instanceof Expr.True)
                    ? AccessForm.STRIDED : form, true, false, false));
        }
        List<Expr.Load> loads = new ArrayList<>();
        for (Expr e : computed) {
            for (Expr n : Walk.nodes(e)) {
                if (n instanceof Expr.Load l) {
                    loads.add(l);
                }
            }
        }
        for (Expr.Load l : loads) {
            if (gather(l)) {
                add(out, new Access(l.array(), l.kind(), null, AccessForm.GATHER, false, true, ir.lateLoads().contains(l), l.index()));
                continue;
            }
            Affine a = affine(l.array(), l.index(), "reads");
            add(out, new Access(l.array(), l.kind(), a, AccessForm.of(a, Math.abs(ir.step())), false, true, ir.lateLoads().contains(l)));
        }
        return List.copyOf(out);
    }

    /** @return the affine form of every index checked by {@link #of} */
    Map<Expr, Affine> indexes() {
        return Map.copyOf(indexes);
    }

    /** @return the per-element indexes of the accesses' gathers */
    static List<Expr> gathered(List<Access> accesses) {
        List<Expr> out = new ArrayList<>();
        for (Access a : accesses) {
            if (a.gathered() != null) {
                out.add(a.gathered());
            }
        }
        return out;
    }

    /**
     * @return whether a load is a gather: from a loop-invariant array at an index that is not
     *     affine, computed per element from affine loads only ({@code a[b[i]]}, not {@code a[b[c[i]]]})
     * @throws Refusal for a gather through a gathered index
     */
    private boolean gather(Expr.Load l) throws Refusal {
        if (!invariance.test(l.array()) || Affine.of(l.index(), invariance) != null) {
            return false;
        }
        for (Expr n : Walk.nodes(l.index())) {
            if (n instanceof Expr.Load inner && Affine.of(inner.index(), invariance) == null) {
                throw new Refusal(RefusalCode.GATHER_SCATTER, "reads " + l.array() + "[" + Refusal.brief(l.index()) + "] through an index that is "
                        + "itself gathered; only one level of a[b[i]] is vectorized");
            }
        }
        return true;
    }

    private static void add(List<Access> out, Access a) {
        for (int i = 0; i < out.size(); i++) {
            Access o = out.get(i);
            if (o.array().equals(a.array()) && Objects.equals(o.index(), a.index()) && Objects.equals(o.gathered(), a.gathered())) {
                // forms differ only where a reversed store under a condition scatters: every use of the index does
                AccessForm form = o.form() == a.form() ? o.form() : AccessForm.STRIDED;
                out.set(i, new Access(o.array(), o.element(), o.index(), form, o.written() || a.written(), o.read() || a.read(), o.late() || a.late(),
                        o.gathered()));
                return;
            }
        }
        out.add(a);
    }

    private Affine affine(Expr array, Expr index, String verb) throws Refusal {
        if (!invariance.test(array)) {
            throw new Refusal(RefusalCode.GATHER_SCATTER, "" + verb + " an array chosen inside the loop (" + Refusal.brief(array) + ")");
        }
        Affine a = Affine.of(index, invariance);
        if (a == null) {
            throw new Refusal(RefusalCode.GATHER_SCATTER, "" + verb + " " + array + "[" + Refusal.brief(index) + "]: the index is not " + ir.ivName()
                    + " plus a loop-invariant offset (a gather or scatter)");
        }
        indexes.put(index, a);
        return a;
    }
}
