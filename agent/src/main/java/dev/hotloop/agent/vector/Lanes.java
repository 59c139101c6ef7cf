package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.Set;

/**
 * Chooses one lane count for a loop, so that values of every element type line up lane for lane:
 * the widest type fills the machine's preferred vector, narrower types use shorter vectors.
 */
final class Lanes {

    /** The Vector API's shortest shape. */
    static final int MIN_BITS = 64;

    private Lanes() {
    }

    /**
     * @param kinds         the lane types of the loop
     * @param preferredBits the preferred vector size of the machine
     * @return lanes per vector
     * @throws Refusal when no vector shape holds the narrowest type at that lane count
     */
    static int of(Set<Kind> kinds, int preferredBits) throws Refusal {
        int widest = 0;
        int narrowest = Integer.MAX_VALUE;
        for (Kind k : kinds) {
            widest = Math.max(widest, k.bytes());
            narrowest = Math.min(narrowest, k.bytes());
        }
        if (widest == 0) {
            throw new Refusal(RefusalCode.NO_SIMD_FORM, "computes nothing per element (no array is read or written with the index)");
        }
        int lanes = preferredBits / (8 * widest);
        if (lanes < 2 || lanes * narrowest * 8 < MIN_BITS) {
            throw new Refusal(RefusalCode.UNSUPPORTED_TYPE, "mixes " + narrowest + "-byte and " + widest + "-byte lanes, which no " + preferredBits
                    + "-bit vector shape holds lane for lane");
        }
        return lanes;
    }

    /**
     * @param kinds the lane types of a loop
     * @param lanes a lane count, a power of two
     * @return whether every type has a vector shape of that many lanes
     */
    static boolean fits(Set<Kind> kinds, int lanes) {
        for (Kind k : kinds) {
            if (lanes * k.bytes() * 8 < MIN_BITS) {
                return false;
            }
        }
        return true;
    }

    /** @return the {@code SPECIES_...} field of {@code kind}'s vector class for this lane count */
    static String species(Kind kind, int lanes) {
        return "SPECIES_" + lanes * kind.bytes() * 8;
    }
}
