package dev.hotloop.agent.vector;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lane types of the vectors a plan computes with, which fix its lanes ({@link Lanes}): each
 * value's own type and its operands', down to its loads and invariants (which are broadcast);
 * a {@code long} shifted by an {@code int} count takes the count in {@code long} lanes.
 */
final class LaneKinds {

    private final Invariance invariance;
    private final Set<Kind> kinds = EnumSet.noneOf(Kind.class);

    LaneKinds(Invariance invariance) {
        this.invariance = invariance;
    }

    /** Adds a type the plan stores, reduces or selects in. */
    void add(Kind k) {
        kinds.add(k);
    }

    /** Adds the lane types of a value the SIMD code computes. */
    void of(Expr e) {
        if (e.kind().lane()) {
            kinds.add(e.kind());
        }
        if (e instanceof Expr.Load || invariance.test(e)) {
            return;
        }
        if (e instanceof Expr.Binary b && b.right().kind() != b.kind()) { // a long shifted by an int count
            of(b.left());
            of(new Expr.Convert(b.right().kind(), b.kind(), b.right()));
            return;
        }
        for (Expr c : Walk.children(e)) {
            of(c);
        }
    }

    /** @return the types so far */
    Set<Kind> kinds() {
        return EnumSet.copyOf(kinds);
    }
}
