package dev.hotloop.agent.vector;

import dev.hotloop.agent.analysis.ControlFlowGraph;
import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * If-conversion of an acyclic region of a control-flow graph: visiting order, and the merge of
 * the symbolic states that meet at a join, where a local or stack slot that differs between the
 * incoming paths becomes a {@code select} on the paths' conditions.
 */
final class Regions {

    private Regions() {
    }

    /**
     * @param g       the graph
     * @param entry   the region's entry block
     * @param region  its blocks
     * @return the region's blocks in reverse postorder, ignoring edges back to {@code entry}
     */
    static List<Integer> order(ControlFlowGraph g, int entry, BitSet region) {
        List<Integer> post = new ArrayList<>();
        BitSet seen = new BitSet();
        visit(g, entry, entry, region, seen, post);
        Collections.reverse(post);
        return post;
    }

    private static void visit(ControlFlowGraph g, int b, int entry, BitSet region, BitSet seen, List<Integer> post) {
        seen.set(b);
        for (int s : g.successors(b)) {
            if (s != entry && region.get(s) && !seen.get(s)) {
                visit(g, s, entry, region, seen, post);
            }
        }
        post.add(b);
    }

    /** For merges where a local that one path lacks has no value (an inlined callee's frame). */
    static final BiFunction<Integer, Kind, Expr> NO_VALUE = new BiFunction<>() {
        @Override
        public Expr apply(Integer slot, Kind kind) {
            return null;
        }
    };

    /** @return the states that arrive at a block, created empty on first use */
    static List<SymState> arrivals(Map<Integer, List<SymState>> incoming, int block) {
        List<SymState> states = incoming.get(block);
        if (states == null) {
            states = new ArrayList<>();
            incoming.put(block, states);
        }
        return states;
    }

    /**
     * @param incoming the states arriving at a join, each with the condition of its path
     * @param initial  the value of a local that a path did not assign (null when there is none)
     * @return the state after the join
     */
    static SymState merge(List<SymState> incoming, BiFunction<Integer, Kind, Expr> initial) throws Refusal {
        if (incoming.size() == 1) {
            return incoming.get(0);
        }
        Expr predicate = incoming.get(0).predicate;
        for (int i = 1; i < incoming.size(); i++) {
            predicate = Simplify.or(predicate, incoming.get(i).predicate);
        }
        Set<Integer> slots = new LinkedHashSet<>();
        for (SymState s : incoming) {
            slots.addAll(s.locals.keySet());
        }
        Map<Integer, Expr> locals = new HashMap<>();
        for (int slot : slots) {
            Kind kind = null;
            for (SymState s : incoming) {
                Expr v = s.locals.get(slot);
                kind = kind == null && v != null ? v.kind() : kind;
            }
            List<Expr> values = new ArrayList<>();
            for (SymState s : incoming) {
                Expr v = s.locals.get(slot);
                values.add(v != null ? v : initial.apply(slot, kind));
            }
            Expr merged = choose(incoming, values);
            if (merged != null) {
                locals.put(slot, merged);
            }
        }
        int height = incoming.get(0).stack.size();
        List<Expr> stack = new ArrayList<>();
        for (int i = 0; i < height; i++) {
            List<Expr> values = new ArrayList<>();
            for (SymState s : incoming) {
                if (s.stack.size() != height) {
                    throw new Refusal(RefusalCode.LOOP_SHAPE, "joins paths with different operand stacks; this bytecode shape is not supported");
                }
                values.add(s.stack.get(i));
            }
            Expr merged = choose(incoming, values);
            if (merged == null) {
                throw new Refusal(RefusalCode.LOOP_SHAPE, "joins paths that leave values of different types on the stack");
            }
            stack.add(merged);
        }
        return new SymState(predicate, locals, stack);
    }

    /**
     * @return the value after the join, or null when the paths disagree on its type (the slot is
     *     dead there, as the verifier would see it) or one path has no value for it
     */
    private static Expr choose(List<SymState> incoming, List<Expr> values) {
        Expr v = values.get(values.size() - 1);
        if (v == null) {
            return null;
        }
        for (int i = values.size() - 2; i >= 0; i--) {
            Expr x = values.get(i);
            if (x == null || x.kind() != v.kind()) {
                return null;
            }
            v = Simplify.select(incoming.get(i).predicate, x, v);
        }
        return v;
    }
}
