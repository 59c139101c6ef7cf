package dev.hotloop.agent.vector;

import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.LabelNode;

/**
 * One counted loop lifted to the IR: iterations {@code t = start, start + step, ...} run while
 * {@code t cond bound} (for a bottom-tested loop the first iteration runs unconditionally), and each
 * iteration performs {@code stores} in order and leaves the locals in {@code finals}.
 *
 * @param header    the label of the loop header, where the SIMD code is inserted
 * @param iv        the induction variable's slot
 * @param ivName    its source name
 * @param step      the constant the induction variable advances by, nonzero, at most {@link #MAX_STEP} either way
 * @param bottom    whether the exit test follows the body (do-while shape)
 * @param cond      the continue test, {@code t cond bound}
 * @param bound     the loop-invariant bound
 * @param stores    the array stores of one iteration, in program order
 * @param flags     the flags ({@code boolean[]} elements set to true) an iteration raises
 * @param finals    the locals other than the induction variable that one iteration assigns, with
 *                  their values at its end
 * @param traps     every operation of an iteration that can throw (loads, lengths and field reads
 *                  of references, integer divisions), used or not
 * @param lateLoads loads that follow, in the iteration, a store to the same array at another index
 * @param names     source names of locals, for reports
 * @param exits     the conditions under which an iteration leaves the loop early (break, return),
 *                  in the order the iteration tests them
 * @param exitForm  the source's exit test and index type where they differ from {@code cond} on an
 *                  int, with the run-time conditions under which they are the same
 */
record LoopIR(LabelNode header, int iv, String ivName, int step, boolean bottom, Expr.Cond cond, Expr bound,
              List<Store> stores, List<Flag> flags, Map<Integer, Expr> finals, List<Expr> traps, List<Expr.Load> lateLoads,
              Map<Integer, String> names, List<Expr> exits, ExitForm exitForm) {

    /** The largest step either way: a chunk's lanes then span at most 64 * 4096 iterations' indexes, far from int overflow. */
    static final int MAX_STEP = 4096;

    /** @return {@code ++}, {@code --}, or {@code += 2}, {@code -= 3}: how the induction variable moves */
    String stepText() {
        return step == 1 ? "++" : step == -1 ? "--" : step > 0 ? "+= " + step : "-= " + -step;
    }

    /** @return the IR as text, one statement a line: what {@code log=debug} prints */
    String print() {
        StringBuilder b = new StringBuilder("for ").append(ivName).append(' ').append(stepText())
                .append(" while ").append(ivName).append(' ').append(cond.symbol()).append(' ').append(bound)
                .append(bottom ? " (tested after the body)" : "").append(" {\n").append(exitForm.describe(this));
        for (Store s : stores) {
            b.append("  ").append(s).append('\n');
        }
        for (Flag f : flags) {
            b.append("  ").append(f).append('\n');
        }
        for (Expr e : exits) {
            b.append("  leave when ").append(e).append('\n');
        }
        finals.forEach((slot, v) -> b.append("  ").append(names.getOrDefault(slot, "local#" + slot)).append(" = ").append(v).append('\n'));
        return b.append('}').toString();
    }
}
