package dev.hotloop.agent.vector;

import dev.hotloop.agent.analysis.ControlFlowGraph;
import dev.hotloop.agent.analysis.Liveness;
import dev.hotloop.agent.analysis.LocalNames;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.vector.Expr.Binary;
import dev.hotloop.agent.vector.Expr.Cmp;
import dev.hotloop.agent.vector.Expr.Const;
import dev.hotloop.agent.vector.Expr.Iv;
import dev.hotloop.agent.vector.Expr.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Lifts one natural loop to a {@link LoopIR}: executes its body once symbolically, from the header
 * along every path to the back edges, with branches if-converted into conditions. Recognises the
 * exit test (at the top or at the bottom) and refuses every other way out of the loop.
 */
final class Lifter implements Interpreter.Memory {

    private final MethodNode method;
    private final List<MethodNode> siblings;
    private final String owner;
    private final ControlFlowGraph g;
    private final Loop loop;
    private final Liveness liveness;
    private final Iv iv;
    private final Map<Integer, String> names = new HashMap<>();
    private final List<Store> stores = new ArrayList<>();
    private final List<Flag> flags = new ArrayList<>();
    private final List<Expr> traps = new ArrayList<>();
    private final List<Expr.Load> lateLoads = new ArrayList<>();
    /** The conditions under which an iteration leaves the loop other than by its exit test (break, return). */
    private final List<Expr> leaves = new ArrayList<>();
    private final Interpreter interpreter = new Interpreter(this);
    private final BiFunction<Integer, Kind, Expr> initialValues = new BiFunction<>() {
        @Override
        public Expr apply(Integer slot, Kind kind) {
            return initial(slot, kind);
        }
    };
    private final java.util.Set<String> inlining = new java.util.HashSet<>();
    private int inlined;

    private Lifter(String owner, MethodNode method, List<MethodNode> siblings, ControlFlowGraph g, Loop loop, Liveness liveness) {
        this.liveness = liveness;
        this.owner = owner;
        this.method = method;
        this.siblings = siblings;
        this.g = g;
        this.loop = loop;
        this.iv = new Iv(loop.inductionName());
    }

    /**
     * @param owner    internal name of the class
     * @param method   the method
     * @param siblings the class's methods, for inlining
     * @param g        the method's graph, in which {@code loop} was found
     * @param loop     a loop with a recognised induction variable
     * @param liveness the method's live locals, for a loop with more than one exit (else unused)
     * @return the loop's IR
     * @throws Refusal when the loop does something SIMD code cannot express
     */
    static LoopIR lift(String owner, MethodNode method, List<MethodNode> siblings, ControlFlowGraph g, Loop loop,
                       Liveness liveness) throws Refusal {
        if (loop.inductionVar() < 0) {
            throw new Refusal(RefusalCode.LOOP_SHAPE, "no counted loop: no variable steps by a constant on every iteration (i++, i -= 2; "
                    + "or i = (short) (i + 1) for a short, byte or char index)");
        }
        if (Math.abs(loop.step()) > LoopIR.MAX_STEP) {
            throw new Refusal(RefusalCode.STRIDE, "the index steps by " + loop.step() + "; only loops stepping by at most " + LoopIR.MAX_STEP
                    + " either way are vectorized");
        }
        if (!loop.innermost()) {
            throw new Refusal(RefusalCode.NESTED_LOOP, "the loop contains another loop; annotate the inner loop's index, or put @Vectorize on a method whose loop nest ends in it");
        }
        return new Lifter(owner, method, siblings, g, loop, liveness).run();
    }

    private LoopIR run() throws Refusal {
        int h = loop.header();
        Map<Integer, List<SymState>> incoming = new HashMap<>();
        Regions.arrivals(incoming, h).add(new SymState(Simplify.TRUE, new HashMap<>(), new ArrayList<>()));
        List<SymState> latches = new ArrayList<>();
        Expr[] exit = null; // {continue condition}, and whether it was at the bottom
        boolean bottom = false;
        InsnList insns = method.instructions;
        for (int b : Regions.order(g, h, loop.body())) {
            SymState s = Regions.merge(incoming.get(b), initialValues);
            interpreter.checkMerged(s);
            int last = g.lastInsn(b);
            for (int i = g.firstInsn(b); i < last; i++) {
                interpreter.execute(s, insns.get(i));
            }
            AbstractInsnNode end = insns.get(last);
            if (!Interpreter.isJump(end)) {
                interpreter.execute(s, end);
            }
            if (end.getOpcode() >= Opcodes.IRETURN && end.getOpcode() <= Opcodes.RETURN) {
                throw new Refusal(RefusalCode.EARLY_EXIT, "returns from inside the loop; SIMD code needs a loop that runs to its bound");
            }
            List<Integer> succ = g.successors(b);
            if (end instanceof JumpInsnNode jump && end.getOpcode() != Opcodes.GOTO && succ.size() == 2) {
                Expr taken = Interpreter.condition(s, jump);
                int target = g.blockOf(jump.label);
                int other = succ.get(0) == target ? succ.get(1) : succ.get(0);
                boolean exitTaken = !loop.contains(target);
                boolean exitTest = exit == null && s.predicate.equals(Simplify.TRUE) && s.stack.isEmpty()
                        && (loop.latches().contains(b) || b == h && s.locals.isEmpty() && stores.isEmpty());
                if ((exitTaken || !loop.contains(other)) && loop.exits() > 1 && !exitTest) {
                    // an early exit (break, return): the original loop takes it; the SIMD code stops before its iteration
                    if (!s.stack.isEmpty()) {
                        throw new Refusal(RefusalCode.EARLY_EXIT, "leaves the loop with a value on the operand stack; SIMD code cannot stop there");
                    }
                    leaves.add(Simplify.and(s.predicate, exitTaken ? taken : Simplify.not(taken)));
                    route(incoming, latches, h, exitTaken ? other : target, s, exitTaken ? Simplify.not(taken) : taken);
                } else if (exitTaken || !loop.contains(other)) {
                    if (!s.predicate.equals(Simplify.TRUE) || !s.stack.isEmpty()) {
                        throw new Refusal(RefusalCode.EARLY_EXIT, "leaves the loop from inside a condition (break); SIMD code needs a loop that runs to its bound");
                    }
                    bottom = loop.latches().contains(b);
                    if (!bottom && (b != h || !s.locals.isEmpty() || !stores.isEmpty())) {
                        throw new Refusal(RefusalCode.EARLY_EXIT, "leaves the loop from the middle of its body (break); SIMD code needs a loop that runs to its bound");
                    }
                    exit = new Expr[] {exitTaken ? Simplify.not(taken) : taken};
                    route(incoming, latches, h, exitTaken ? other : target, s, Simplify.TRUE);
                } else {
                    route(incoming, latches, h, target, s, taken);
                    route(incoming, latches, h, other, s, Simplify.not(taken));
                }
            } else {
                for (int t : succ) {
                    route(incoming, latches, h, t, s, Simplify.TRUE);
                }
            }
        }
        if (exit == null) {
            throw new Refusal(RefusalCode.LOOP_SHAPE, "no exit test on the index was found");
        }
        SymState end = Regions.merge(latches, initialValues);
        interpreter.checkMerged(end);
        Expr next = end.locals.remove(loop.inductionVar());
        Expr expected = new Binary(Op.ADD, Kind.INT, iv, new Const(Kind.INT, loop.step()));
        Kind ivKind = ivKind(loop.inductionType());
        Expr stepped = ivKind == Kind.INT ? expected : Interpreter.convert(narrowing(ivKind), expected); // i = (short) (i + 1)
        if (ivKind != Kind.INT && !stepped.equals(next)) { // i = (short) (i - 1)
            Expr down = Interpreter.convert(narrowing(ivKind), new Binary(Op.SUB, Kind.INT, iv, new Const(Kind.INT, -loop.step())));
            stepped = down.equals(next) ? down : stepped;
        }
        if (!stepped.equals(next)) {
            throw new Refusal(RefusalCode.STRIDE, "the index " + iv + " does not step by exactly " + loop.step() + " on every path");
        }
        Map<Integer, Expr> finals = new HashMap<>(end.locals);
        if (!leaves.isEmpty()) {
            // the SIMD code stops before the iteration that leaves: a local nobody reads after the loop need not be kept
            finals.keySet().retainAll(liveAfter());
        }
        Cmp test = exitTest(exit[0], bottom ? stepped : iv, new Invariance(finals.keySet(), stores));
        boolean notEqual = test.cond() == Expr.Cond.NE;
        if (notEqual) { // i != n: i < n once the guards know it reaches n (ExitForm)
            test = new Cmp(loop.step() > 0 ? Expr.Cond.LT : Expr.Cond.GT, test.left(), test.right());
        }
        for (int slot : finals.keySet()) {
            nameOf(slot);
        }
        LoopIR ir = new LoopIR(header(), loop.inductionVar(), iv.name(), loop.step(), bottom,
                test.cond(), test.right(), List.copyOf(stores), List.copyOf(flags), finals, List.copyOf(traps),
                List.copyOf(lateLoads), Map.copyOf(names), List.copyOf(leaves),
                notEqual || ivKind != Kind.INT ? new ExitForm(notEqual, ivKind) : ExitForm.PLAIN);
        neverWraps(ir);
        return ir;
    }

    /** @return the IR's type of an induction variable of that descriptor ({@link Loop#inductionType}) */
    private static Kind ivKind(char descriptor) {
        return descriptor == 'S' ? Kind.SHORT : descriptor == 'B' ? Kind.BYTE : descriptor == 'C' ? Kind.CHAR : Kind.INT;
    }

    private static int narrowing(Kind k) {
        return k == Kind.SHORT ? Opcodes.I2S : k == Kind.BYTE ? Opcodes.I2B : Opcodes.I2C;
    }

    /**
     * A narrow index with a constant bound that it wraps before reaching ({@code byte b; b < 200}):
     * the run-time check would always fail, so the loop is refused now, with the fix.
     */
    private static void neverWraps(LoopIR ir) throws Refusal {
        ExitForm form = ir.exitForm();
        if (form.narrow() && ir.bound() instanceof Const c && !form.staysInRange(ir, c.value().longValue())) {
            String type = form.ivKind().javaName();
            throw new Refusal(RefusalCode.LOOP_SHAPE, "the " + type + " index " + ir.ivName() + " wraps around at "
                    + (ir.step() > 0 ? form.max() : form.min()) + " before the exit test " + ir.ivName() + " "
                    + (form.notEqual() ? "!=" : ir.cond().symbol()) + " " + c + " can end the loop, so it never ends as an int loop "
                    + "would (it runs for ever or indexes out of bounds); declare " + ir.ivName() + " an int");
        }
    }

    /** @return the locals live where the loop's exits lead */
    private java.util.Set<Integer> liveAfter() {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        java.util.BitSet body = loop.body();
        for (int b = body.nextSetBit(0); b >= 0; b = body.nextSetBit(b + 1)) {
            for (int t : g.successors(b)) {
                if (!loop.contains(t)) {
                    java.util.BitSet live = liveness.liveIn(t);
                    for (int v = live.nextSetBit(0); v >= 0; v = live.nextSetBit(v + 1)) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    private void route(Map<Integer, List<SymState>> incoming, List<SymState> latches, int h, int to, SymState s, Expr cond) {
        SymState next = s.copy(Simplify.and(s.predicate, cond));
        if (to == h) {
            latches.add(next);
        } else {
            Regions.arrivals(incoming, to).add(next);
        }
    }

    /** @return the continue test as {@code t cond bound}, with {@code t} on the left */
    private Cmp exitTest(Expr cont, Expr t, Invariance invariance) throws Refusal {
        if (cont instanceof Cmp c && !c.left().kind().floating()) {
            if (c.right().equals(t)) {
                c = new Cmp(c.cond().swap(), c.right(), c.left());
            }
            boolean up = loop.step() > 0;
            boolean monotone = up ? c.cond() == Expr.Cond.LT || c.cond() == Expr.Cond.LE
                    : c.cond() == Expr.Cond.GT || c.cond() == Expr.Cond.GE;
            monotone |= c.cond() == Expr.Cond.NE; // reached exactly: checked at run time (ExitForm)
            if (c.left().equals(t) && monotone && invariance.test(c.right())) {
                return c;
            }
        }
        throw new Refusal(RefusalCode.NON_INVARIANT_BOUND, "the exit test (" + Refusal.brief(cont) + ") does not compare the index " + iv
                + " with a loop-invariant bound in the direction it moves (use i < n, i <= n, i != n, i >= 0 or i > lo, with n computed before the loop)");
    }

    private LabelNode header() {
        for (AbstractInsnNode n = method.instructions.get(g.firstInsn(loop.header())); n != null; n = n.getPrevious()) {
            if (n instanceof LabelNode l) {
                return l;
            }
            if (n.getOpcode() >= 0) {
                break;
            }
        }
        LabelNode l = new LabelNode();
        method.instructions.insertBefore(method.instructions.get(g.firstInsn(loop.header())), l);
        return l;
    }

    private Expr initial(int slot, Kind kind) {
        if (slot == loop.inductionVar()) {
            return iv;
        }
        return new Var(slot, kind, nameOf(slot));
    }

    // A helper instead of a lambda, which costs a link at class load (see Walk).
    private String nameOf(int slot) {
        String n = names.get(slot);
        if (n == null) {
            n = name(slot);
            names.put(slot, n);
        }
        return n;
    }

    private String name(int slot) {
        if (method.localVariables != null) {
            int at = g.firstInsn(loop.header());
            for (LocalVariableNode lv : method.localVariables) {
                if (lv.index == slot && method.instructions.indexOf(lv.start) <= at + 1 && at <= method.instructions.indexOf(lv.end)) {
                    return lv.name;
                }
            }
            for (LocalVariableNode lv : method.localVariables) {
                if (lv.index == slot) {
                    return lv.name;
                }
            }
        }
        return LocalNames.withoutTable(method, slot);
    }

    /**
     * {@code baload} and {@code bastore} serve both {@code byte[]} and {@code boolean[]}: the
     * declared type of the array tells them apart.
     *
     * @return {@link Kind#BOOLEAN} for a {@code boolean[]}, else {@code element}
     */
    private Kind byteOrBoolean(Expr array, Kind element) throws Refusal {
        if (element != Kind.BYTE) {
            return element;
        }
        String type = declaredType(array);
        if ("[Z".equals(type)) {
            return Kind.BOOLEAN;
        }
        if (!"[B".equals(type)) {
            throw new Refusal(RefusalCode.UNSUPPORTED_TYPE, "reads or writes " + Refusal.brief(array) + ", an array of a type the agent cannot tell "
                    + "(byte[] or boolean[]); give it a local variable table (javac -g) or a declared byte[]/boolean[] local");
        }
        return element;
    }

    /**
     * @param value the byte {@code bastore} is given
     * @return what a {@code boolean[]} keeps of it: its lowest bit (JVMS bastore), made explicit
     *     unless the value is already 0 or 1 (javac's {@code c ? 1 : 0})
     */
    private static Expr booleanValue(Expr value) {
        Expr wide = value instanceof Expr.Convert c && c.from() == Kind.INT && c.kind() == Kind.BYTE ? c.x() : new Expr.Convert(Kind.BYTE, Kind.INT, value);
        if (zeroOrOne(wide) || wide instanceof Expr.Select s && zeroOrOne(s.ifTrue()) && zeroOrOne(s.ifFalse())) {
            return value;
        }
        return Simplify.narrow(new Binary(Op.AND, Kind.INT, wide, new Const(Kind.INT, 1)), Kind.BYTE);
    }

    private static boolean zeroOrOne(Expr e) {
        return e instanceof Const k && k.kind() == Kind.INT && (k.value().intValue() == 0 || k.value().intValue() == 1);
    }

    /**
     * A flag: {@code true} stored into a {@code boolean[]} local at a constant index (a coverage
     * probe). The local must hold a {@code boolean[]} wherever the method assigns it.
     */
    private boolean isFlag(Expr array, Expr index, Kind element, Expr value) {
        return element == Kind.BYTE && index instanceof Const k && k.value().intValue() >= 0
                && value instanceof Expr.Convert c && c.x() instanceof Const one && one.value().intValue() == 1
                && (array instanceof Expr.ProbeArray
                    || array instanceof Var v && (booleanArrayAssignments(v.slot()) || "[Z".equals(declaredType(array))));
    }

    /**
     * @return whether every assignment of the slot in the method stores a value typed
     *     {@code boolean[]} by the instruction before it (a cast, a static call or a dynamic
     *     constant: how JaCoCo's probe array arrives, without a local variable entry), and there is
     *     at least one
     */
    private boolean booleanArrayAssignments(int slot) {
        boolean any = false;
        for (AbstractInsnNode n : method.instructions) {
            if (n instanceof org.objectweb.asm.tree.VarInsnNode v && v.var == slot && v.getOpcode() >= Opcodes.ISTORE
                    && v.getOpcode() <= Opcodes.ASTORE) {
                AbstractInsnNode p = v.getPrevious();
                while (p != null && p.getOpcode() < 0) {
                    p = p.getPrevious();
                }
                if (v.getOpcode() != Opcodes.ASTORE || !booleanArray(p)) {
                    return false;
                }
                any = true;
            } else if (n instanceof org.objectweb.asm.tree.IincInsnNode i && i.var == slot) {
                return false;
            }
        }
        return any;
    }

    private static boolean booleanArray(AbstractInsnNode n) {
        if (n instanceof org.objectweb.asm.tree.TypeInsnNode t) {
            return t.getOpcode() == Opcodes.CHECKCAST && t.desc.equals("[Z");
        }
        if (n instanceof MethodInsnNode call) {
            return call.getOpcode() == Opcodes.INVOKESTATIC && call.desc.endsWith(")[Z");
        }
        return n instanceof org.objectweb.asm.tree.LdcInsnNode ldc && ldc.cst instanceof org.objectweb.asm.ConstantDynamic c
                && c.getDescriptor().equals("[Z");
    }

    /** @return the descriptor an array expression is declared with, or null when unknown */
    private String declaredType(Expr array) {
        if (array instanceof Expr.Field f) {
            return f.desc();
        }
        if (array instanceof Var v) {
            if (method.localVariables != null) {
                int at = g.firstInsn(loop.header());
                for (LocalVariableNode lv : method.localVariables) {
                    if (lv.index == v.slot() && method.instructions.indexOf(lv.start) <= at && at <= method.instructions.indexOf(lv.end)) {
                        return lv.desc;
                    }
                }
            }
            return parameterType(v.slot());
        }
        return null;
    }

    /** @return the declared type of a parameter slot that the method never reassigns, else null */
    private String parameterType(int slot) {
        int at = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(method.desc)) {
            if (at == slot) {
                for (AbstractInsnNode n : method.instructions) {
                    if (n instanceof org.objectweb.asm.tree.VarInsnNode v && v.var == slot && v.getOpcode() == Opcodes.ASTORE) {
                        return null;
                    }
                }
                return t.getDescriptor();
            }
            at += t.getSize();
        }
        return null;
    }

    // ------------------------------------------------------------------ Interpreter.Memory

    @Override
    public Expr local(SymState s, int slot, Kind kind) {
        Expr v = s.locals.get(slot);
        return v != null ? v : initial(slot, kind);
    }

    @Override
    public void increment(SymState s, int slot, int by) {
        s.locals.put(slot, new Binary(Op.ADD, Kind.INT, local(s, slot, Kind.INT), new Const(Kind.INT, by)));
    }

    @Override
    public Expr load(SymState s, Expr array, Expr index, Kind element) throws Refusal {
        element = byteOrBoolean(array, element);
        Expr.Load raw = new Expr.Load(array, index, element);
        trap(raw);
        Expr value = raw;
        for (Store st : stores) {
            if (st.array().equals(array)) {
                if (st.index().equals(index)) {
                    value = Simplify.select(st.mask(), st.value(), value); // forwarded from the store
                } else if (!lateLoads.contains(raw)) {
                    lateLoads.add(raw);
                }
            }
        }
        return value;
    }

    @Override
    public void store(SymState s, Expr array, Expr index, Kind element, Expr value) throws Refusal {
        if (isFlag(array, index, element, value)) {
            flags.add(new Flag(array, ((Const) index).value().intValue(), s.predicate));
            return;
        }
        element = byteOrBoolean(array, element);
        if (element == Kind.BOOLEAN) {
            value = booleanValue(value);
        }
        stores.add(new Store(array, index, element, value, s.predicate));
    }

    @Override
    public void trap(Expr e) {
        if (!traps.contains(e)) {
            traps.add(e);
        }
    }

    @Override
    public Expr call(SymState s, MethodInsnNode call, Expr[] args) throws Refusal {
        if (call.owner.equals("java/lang/Math") || call.owner.equals("java/lang/StrictMath")) {
            Expr e = Interpreter.math(call, args);
            if (e == null) {
                throw new Refusal(RefusalCode.NO_SIMD_FORM, "calls Math." + call.name + "(), which has no SIMD form");
            }
            return e;
        }
        if (Interpreter.bitsOwner(call.owner)) {
            Expr e = Interpreter.bits(call, args);
            if (e == null) {
                throw new Refusal(RefusalCode.NO_SIMD_FORM, "calls " + Interpreter.simpleName(call) + ", which has no SIMD form (of Integer, Long, "
                        + "Short and Character only bitCount, numberOfLeadingZeros, numberOfTrailingZeros, reverse and reverseBytes have one)");
            }
            return e;
        }
        if (call.owner.equals(owner) && call.name.equals(Expr.ProbeArray.INIT) && call.desc.equals("()[Z")) {
            return new Expr.ProbeArray(null, owner); // JaCoCo's probe array, the same on every call
        }
        if (!call.owner.equals(owner)) {
            throw new Refusal(RefusalCode.UNSUPPORTED_CALL, "calls " + Interpreter.simpleName(call) + ", which is not a static method of this class; only java.lang.Math and small static methods of the same class are inlined");
        }
        MethodNode callee = null;
        for (MethodNode m : siblings) {
            if (m.name.equals(call.name) && m.desc.equals(call.desc)) {
                callee = m;
            }
        }
        if (callee == null || (callee.access & Opcodes.ACC_STATIC) == 0) {
            throw new Refusal(RefusalCode.UNSUPPORTED_CALL, "calls " + Interpreter.simpleName(call) + ", whose body is not available to inline");
        }
        String key = callee.name + callee.desc;
        if (inlining.contains(key)) {
            throw new Refusal(RefusalCode.UNSUPPORTED_CALL, "calls " + Interpreter.simpleName(call) + " recursively; only non-recursive static methods are inlined");
        }
        if (++inlined > 32) {
            throw new Refusal(RefusalCode.BODY_TOO_LARGE, "inlines more than 32 calls; the loop body is too large to vectorize");
        }
        inlining.add(key);
        try {
            return Inliner.inline(owner, callee, args, s.predicate, this);
        } finally {
            inlining.remove(key);
        }
    }
}
