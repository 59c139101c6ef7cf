package dev.hotloop.agent.vector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The caller's locals that code generated from a plan may read: every local its expressions name
 * (values, stores, bounds, indexes, gathers, divisors, every operation that can throw, hoisted
 * values) and every value the caller holds in a local for it. A loop's outlined SIMD form is
 * generated after its caller is written, so its parameters are fixed from this set beforehand
 * (with what its scalar twin reads); {@link LoopSignature#covers} checks the form against them.
 */
final class PlanReads implements Opcodes {

    private PlanReads() {
    }

    /**
     * @param plan     the loop's plan
     * @param held     values the caller holds in locals, by local
     * @param original locals below this are the caller method's own
     * @return a load of each such local, in the caller's slot space
     */
    static InsnList of(VectorPlan plan, Map<Expr, Integer> held, int original) {
        LoopIR ir = plan.ir();
        List<Expr> roots = new ArrayList<>(plan.values());
        roots.addAll(plan.hoisted());
        roots.addAll(plan.references());
        roots.addAll(plan.divisors());
        roots.addAll(ir.traps());
        roots.addAll(ir.lateLoads());
        roots.addAll(ir.finals().values());
        roots.add(ir.bound());
        for (Store s : plan.stores()) {
            roots.add(s.array());
            roots.add(s.index());
        }
        for (Access a : plan.accesses()) {
            roots.add(a.array());
            roots.add(a.gathered());
            if (a.index() != null) { // a gather's index is its gathered expression
                roots.add(a.index().stride());
                roots.add(a.index().base());
            }
        }
        InsnList loads = new InsnList();
        Set<Expr> seen = new HashSet<>();
        Set<Integer> slots = new HashSet<>();
        for (Expr r : roots) {
            collect(r, seen, slots, loads, original);
        }
        for (Map.Entry<Expr, Integer> h : held.entrySet()) {
            if (slots.add(h.getValue())) {
                loads.add(new VarInsnNode(Emitter.loadOpcode(h.getKey().kind()), h.getValue()));
            }
        }
        return loads;
    }

    private static void collect(Expr e, Set<Expr> seen, Set<Integer> slots, InsnList loads, int original) {
        if (e == null || !seen.add(e)) {
            return;
        }
        if (e instanceof Expr.Var v && v.slot() < original && slots.add(v.slot())) {
            loads.add(new VarInsnNode(Emitter.loadOpcode(v.kind()), v.slot()));
        }
        for (Expr c : Walk.children(e)) {
            collect(c, seen, slots, loads, original);
        }
    }
}
