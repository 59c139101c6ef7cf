package dev.hotloop.agent.parallel;

import org.objectweb.asm.Type;

/**
 * A local that the loop only updates as {@code s = s OP value} (or {@code s += c} by {@code iinc}):
 * each chunk computes it from the operator's identity, and the caller combines the chunks' values
 * into the local in chunk order.
 *
 * @param slot the local's slot
 * @param name its source name, or the name {@link dev.hotloop.agent.analysis.LocalNames} gives its slot
 * @param type int, long, float or double
 * @param op   the operator
 */
record Reduction(int slot, String name, Type type, ReductionOp op) {

    /** @return {@code + on sum}, as the report shows it */
    String describe() {
        return op.symbol() + " on " + name;
    }
}
