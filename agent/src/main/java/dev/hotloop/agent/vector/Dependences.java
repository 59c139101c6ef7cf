package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The dependences between a loop's accesses to one array: refused where SIMD code could read an
 * element before an earlier iteration wrote it; checked at run time where the distance is known
 * only then; and, at a constant distance, kept within the lanes ({@link #fit}).
 */
final class Dependences {

    private Dependences() {
    }

    /**
     * Checks each pair of accesses to one array of which one is a store. A read of an element that
     * an earlier iteration wrote fewer than {@code lanes} iterations before is a loop-carried
     * dependence; reads ahead of the writes, or far enough behind, are not (a chunk loads before it
     * stores). Two indexes with the same step {@code k} meet only where their constant parts differ
     * by a multiple of {@code k} ({@code a[2*i]} never meets {@code a[2*i + 1]}), and then at the
     * iteration distance of that multiple. Where the distance depends on run-time values, the pair
     * is returned for a guard (steps 1 and -1 only). Pairs {write, read} where the read sees the
     * write a constant number of iterations later go to {@code carried}: {@link #fit} keeps the
     * lanes within that distance, as a chunk stores before the next one loads.
     */
    /**
     * A flag ({@code f[0] = true} under a condition) is raised once per chunk, after the chunk's
     * loads and stores: a load of its array in the chunk would miss a flag an earlier iteration
     * of the chunk raised, and a store could undo it. No other access may touch the flag's own
     * array; another {@code boolean[]} that may be the same one at run time is guarded against
     * ({@link GuardInputs#aliases}).
     */
    static void flags(List<Flag> flags, List<Access> accesses) throws Refusal {
        for (Flag f : flags) {
            for (Access a : accesses) {
                if (a.array().equals(f.array())) {
                    throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "sets " + Refusal.brief(f.array()) + "[" + f.index() + "] = true (a flag) and "
                            + (a.written() ? "writes" : "reads") + " the same array: the SIMD loop raises its flags after the chunk, "
                            + "not in the order of the iterations");
                }
            }
        }
    }

    static List<Access[]> of(List<Access> accesses, List<Access[]> carried, int step) throws Refusal {
        List<Access[]> runtime = new ArrayList<>();
        for (Access w : accesses) {
            if (!w.written()) {
                continue;
            }
            for (Access o : accesses) {
                if (o == w || !o.array().equals(w.array())) {
                    continue;
                }
                if (o.form() == AccessForm.GATHER) {
                    throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "reads " + o.array() + "[" + Refusal.brief(o.gathered()) + "], an element chosen per "
                            + "iteration of an array the loop also writes as " + w.array() + "[" + w.index() + "] (a possible loop-carried dependence)");
                }
                if (o.written() && !apart(w.index(), o.index(), step)) {
                    throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "writes both " + w.array() + "[" + w.index() + "] and " + o.array() + "["
                            + o.index() + "] in one iteration (the iterations overlap)");
                }
                if (o.written()) {
                    continue; // interleaved stores, a[2*i] and a[2*i + 1]: they never meet
                }
                if (o.index().scale() != w.index().scale() || o.index().runtimeStride()) {
                    throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "reads " + o.array() + "[" + o.index() + "], an element the loop also writes "
                            + "as " + w.array() + "[" + w.index() + "] (loop-carried dependence)");
                }
                long k = (long) w.index().scale() * step; // elements per iteration
                if (!o.index().sameBase(w.index())) {
                    if (k != 1 && k != -1) {
                        throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "reads " + o.array() + "[" + o.index() + "] and writes " + w.array() + "["
                                + w.index() + "] with the step " + k + " at offsets known only at run time (a possible loop-carried dependence); "
                                + "write the two indexes with the same invariant part");
                    }
                    runtime.add(new Access[] {w, o});
                    continue;
                }
                long apart = w.index().offset() - o.index().offset();
                if (apart % k != 0) {
                    continue; // the two never meet: a[2*i] and a[2*i + 1]
                }
                long distance = apart / k;
                if (distance == 0 && o.late()) {
                    throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "reads " + o.array() + "[" + o.index() + "] after writing the same element through "
                            + "another expression; write the index the same way in both places");
                }
                if (distance > 0) {
                    carried.add(new Access[] {w, o}); // a read of an earlier iteration's write: the lanes must not exceed the distance
                }
            }
        }
        return List.copyOf(runtime);
    }

    /**
     * @return the lanes, fewer where a dependence at a constant distance needs it: at most the
     *     shortest distance, a power of two
     * @throws Refusal when the distance is shorter than the fewest lanes the types allow
     */
    static int fit(int lanes, List<Access[]> carried, Set<Kind> kinds, int step) throws Refusal {
        int fitted = lanes;
        for (Access[] pair : carried) {
            long d = distance(pair, step);
            while (fitted > d) {
                fitted /= 2;
            }
            if (fitted < 2 || !Lanes.fits(kinds, fitted)) {
                throw new Refusal(RefusalCode.CARRIED_DEPENDENCE, "" + pair[0].array() + "[" + pair[0].index() + "] depends on "
                        + pair[1].array() + "[" + pair[1].index() + "] (loop-carried dependence)" + (d == 1 ? ""
                        : ": " + d + " iterations apart, fewer than the lanes of the shortest vector of its types"));
            }
        }
        return fitted;
    }

    /** @return the iterations from a write to the read that sees it, for a pair of {@link #of}'s {@code carried} */
    static long distance(Access[] pair, int step) {
        return (pair[0].index().offset() - pair[1].index().offset()) / ((long) pair[0].index().scale() * step);
    }

    /**
     * @return whether two indexes with one constant step never meet: their constant parts differ
     *     by no multiple of the elements one iteration moves them ({@code a[i]} and {@code a[i + 1]}
     *     when {@code i += 2})
     */
    private static boolean apart(Affine x, Affine y, int step) {
        return x.sameBase(y) && !x.runtimeStride() && (x.offset() - y.offset()) % ((long) x.scale() * step) != 0;
    }
}
