package dev.hotloop.agent.vector;

import dev.hotloop.agent.analysis.ControlFlowGraph;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Inlines a small static callee into the loop's IR: its body, free of loops and exception
 * handlers, is if-converted like the loop body, with its parameters bound to the call's arguments;
 * its returns merge into one value.
 */
final class Inliner {

    /** Callees larger than this are refused: they would not pay for the code they add. */
    static final int MAX_INSTRUCTIONS = 400;

    private Inliner() {
    }

    static Expr inline(String owner, MethodNode callee, Expr[] args, Expr predicate, Interpreter.Memory caller) throws Refusal {
        String name = owner.substring(owner.lastIndexOf('/') + 1) + "." + callee.name + "()";
        if (callee.instructions.size() > MAX_INSTRUCTIONS) {
            throw new Refusal(RefusalCode.BODY_TOO_LARGE, "calls " + name + ", which is too large to inline (" + callee.instructions.size() + " instructions)");
        }
        if (!callee.tryCatchBlocks.isEmpty()) {
            throw new Refusal(RefusalCode.UNSUPPORTED_CALL, "calls " + name + ", which catches exceptions");
        }
        ControlFlowGraph g;
        try {
            MethodAnalysis analysis = MethodAnalysis.of(owner, callee);
            g = analysis.graph();
            if (!analysis.loops().isEmpty()) {
                throw new Refusal(RefusalCode.UNSUPPORTED_CALL, "calls " + name + ", which has a loop of its own");
            }
        } catch (AnalyzerException e) {
            throw new Refusal(RefusalCode.UNSUPPORTED_CALL, "calls " + name + ", whose bytecode could not be analysed");
        }
        Map<Integer, Expr> params = new HashMap<>();
        int slot = 0;
        Type[] types = Type.getArgumentTypes(callee.desc);
        for (int i = 0; i < types.length; i++) {
            params.put(slot, args[i]);
            slot += types[i].getSize();
        }
        Interpreter interpreter = new Interpreter(new CalleeMemory(caller, name));
        Map<Integer, List<SymState>> incoming = new HashMap<>();
        Regions.arrivals(incoming, 0).add(new SymState(predicate, params, new ArrayList<>()));
        List<SymState> returns = new ArrayList<>();
        BitSet all = new BitSet();
        all.set(0, g.size());
        InsnList insns = callee.instructions;
        for (int b : Regions.order(g, 0, all)) {
            SymState s = Regions.merge(incoming.get(b), Regions.NO_VALUE);
            interpreter.checkMerged(s);
            int last = g.lastInsn(b);
            for (int i = g.firstInsn(b); i < last; i++) {
                interpreter.execute(s, insns.get(i));
            }
            AbstractInsnNode end = insns.get(last);
            int op = end.getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                if (op != Opcodes.RETURN) {
                    s.push(s.pop()); // the returned value stays on top
                }
                returns.add(s);
                continue;
            }
            if (!Interpreter.isJump(end)) {
                interpreter.execute(s, end);
            }
            List<Integer> succ = g.successors(b);
            if (end instanceof JumpInsnNode jump && op != Opcodes.GOTO && succ.size() == 2) {
                Expr taken = Interpreter.condition(s, jump);
                int target = g.blockOf(jump.label);
                int other = succ.get(0) == target ? succ.get(1) : succ.get(0);
                add(incoming, target, s, taken);
                add(incoming, other, s, Simplify.not(taken));
            } else {
                for (int t : succ) {
                    add(incoming, t, s, Simplify.TRUE);
                }
            }
        }
        if (Type.getReturnType(callee.desc).getSort() == Type.VOID) {
            return null;
        }
        List<SymState> results = new ArrayList<>();
        for (SymState r : returns) {
            SymState only = new SymState(r.predicate, new HashMap<>(), new ArrayList<>(List.of(r.pop())));
            results.add(only);
        }
        if (results.isEmpty()) {
            throw new Refusal(RefusalCode.UNSUPPORTED_CALL, "calls " + name + ", which never returns normally");
        }
        return Regions.merge(results, Regions.NO_VALUE).pop();
    }

    private static void add(Map<Integer, List<SymState>> incoming, int to, SymState s, Expr cond) {
        Regions.arrivals(incoming, to).add(s.copy(Simplify.and(s.predicate, cond)));
    }

    /** The callee's view of memory: its own locals, the caller's arrays and calls. */
    private record CalleeMemory(Interpreter.Memory caller, String name) implements Interpreter.Memory {

        @Override
        public Expr local(SymState s, int slot, Kind kind) {
            return s.locals.get(slot);
        }

        @Override
        public Expr load(SymState s, Expr array, Expr index, Kind element) throws Refusal {
            return caller.load(s, array, index, element);
        }

        @Override
        public void store(SymState s, Expr array, Expr index, Kind element, Expr value) throws Refusal {
            caller.store(s, array, index, element, value);
        }

        @Override
        public void increment(SymState s, int slot, int by) {
            s.locals.put(slot, new Expr.Binary(Op.ADD, Kind.INT, s.locals.get(slot), new Expr.Const(Kind.INT, by)));
        }

        @Override
        public Expr call(SymState s, MethodInsnNode call, Expr[] args) throws Refusal {
            return caller.call(s, call, args);
        }

        @Override
        public void trap(Expr e) {
            caller.trap(e);
        }
    }
}
