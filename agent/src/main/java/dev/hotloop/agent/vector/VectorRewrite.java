package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.LoopRewrite;
import dev.hotloop.agent.plan.OutlinedForms;
import dev.hotloop.agent.analysis.ExactTypes;
import dev.hotloop.agent.analysis.MethodAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Makes a loop tiered: its SIMD version moves into a method of its own, {@code hotloop$simd$N},
 * which the original method calls only once the run-time measurement has switched it on
 * ({@link TierSwitch}); until then, and whenever it measured slower, the original loop runs as
 * written. On the loop's entry edge:
 *
 * <pre>
 *   switch scalar: a copy of the original loop, at once ({@link LoopCopy})
 *   every reference the loop dereferences read once, null-checked -- null: the original loop
 *   switch unsampled: offer the inputs to the measurement (which copies them), run what it says
 *   switch SIMD: hotloop$simd$N(iv, reductions, inputs) -- guards (bounds over the whole vector
 *     range, aliasing, divisors; any failure returns at once), the unrolled vector loop, the
 *     reductions folded -- returning the induction variable and reductions it reached
 *   original loop, from where the SIMD form stopped: at least its last iteration, and all of
 *   them when a guard failed, so exceptions, partial writes and final local values are its own
 * </pre>
 * A second method, {@code hotloop$scalar$N}, takes the same arguments and runs the loop one
 * iteration at a time ({@link ScalarTwin}): the measurement's baseline, never called by the
 * program.
 *
 * <p>Given {@link OutlinedForms}, the two methods go there instead of into the class: the agent
 * writes them as a class of their own only when the loop is first measured, and the original method
 * calls the SIMD form through an {@code invokedynamic} that links to that class. A program whose
 * loops never run long enough to be measured never has them written, checked or loaded.
 */
final class VectorRewrite implements LoopRewrite, Opcodes {

    private final VectorPlan plan;
    private final MethodAnalysis analysis;
    private final Set<AbstractInsnNode> loop;
    private final String site;

    /**
     * @param plan     the vectorizable loop
     * @param analysis the analyses of the method the loop was planned in: its frames serve the
     *                 rewrite while the method is unchanged, and are marked stale once it is applied
     * @param loop the loop's instructions (identity set), to tell entry jumps from back edges
     * @param site {@code Class.method(params) line N}, for the run-time reports
     */
    VectorRewrite(VectorPlan plan, MethodAnalysis analysis, Set<AbstractInsnNode> loop, String site) {
        this.plan = plan;
        this.analysis = analysis;
        this.loop = loop;
        this.site = site;
    }

    @Override
    public String describe() {
        return plan.describe();
    }

    @Override
    public void apply(ClassNode cls, MethodNode method, OutlinedForms forms) {
        if ((cls.access & ACC_INTERFACE) != 0) {
            throw new IllegalStateException("a tiered SIMD loop needs a class to hold its switch, not an interface");
        }
        LoopIR ir = plan.ir();
        LabelNode header = ir.header();
        Frame<BasicValue> atHeader = frameAt(cls.name, method, header);
        analysis.methodChanged(); // from here on the method changes
        int original = method.maxLocals;
        int number = nextNumber(cls);
        LabelNode entry = new LabelNode();
        LabelNode fallback = new LabelNode();
        Emitter out = new Emitter(method);
        ScalarEmitter scalars = new ScalarEmitter(out, fallback);
        TierSwitch tier = new TierSwitch(out, cls.name, number);
        LabelNode scalarEntry = LoopCopy.append(method, loop, header);
        out.label(entry);
        tier.enter(scalarEntry != null ? scalarEntry : fallback);
        Guards guards = new Guards(out, scalars, plan, fallback);
        guards.emitReferences();
        int callerLocals = method.maxLocals;
        Map<Expr, Integer> held = scalars.held();
        MethodNode scratch = new MethodNode();
        scratch.maxLocals = callerLocals;
        Emitter twinOut = new Emitter(scratch);
        ScalarEmitter twinScalars = scalars.forIterations(twinOut, ir.iv());
        ScalarEmitter callerScalars = scalars.forIterations(out, ir.iv()); // knows only the caller's locals
        MethodNode simdScratch = new MethodNode();
        simdScratch.maxLocals = callerLocals;
        Emitter simdOut = new Emitter(simdScratch);
        ScalarEmitter simdScalars = scalars.continuedOn(simdOut);

        // The outlined methods' parameters: what the twin reads and writes, and every caller local
        // the plan names (loads whose values go unused, whose arrays and indexes the SIMD form still
        // reads). The SIMD form, generated later, may use no other caller local (SimdForm checks it).
        ScalarTwin.emit(twinOut, twinScalars, plan, new LabelNode());
        LoopSignature sig = LoopSignature.of(List.of(twinOut.code, PlanReads.of(plan, held, original)), callerLocals, ir.iv(),
                atHeader, original, held);
        List<Expr> computed = new java.util.ArrayList<>(plan.values());
        for (Access a : plan.accesses()) {
            if (a.gathered() != null) {
                computed.add(a.gathered()); // each chunk computes a gather's indexes first
            }
        }
        int stack = 8 + 4 + 3 * depth(computed);
        SimdForm simd = new SimdForm(plan, TierSwitch.SIMD + number, sig, simdOut, simdScalars, fallback, callerLocals, stack);
        MethodNode twin = OutlinedMethod.build(TierSwitch.SCALAR + number, sig, twinOut.code, scratch.maxLocals, stack);
        if (forms != null) {
            forms.add(number, simd, twin);
        } else {
            cls.methods.add(simd.get());
            cls.methods.add(twin);
        }
        cls.fields.add(new FieldNode(ACC_PRIVATE | ACC_STATIC | ACC_VOLATILE | ACC_SYNTHETIC, TierSwitch.GATE + number, "I", null, null));

        cls.fields.add(new FieldNode(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, TierSwitch.WORK + number, "J", null, null));
        tier.dispatch(sig, site, plan.summary() + " (" + vectorBits() + "-bit vectors)", new Trips(out, callerScalars, ir),
                2 * plan.lanes() * plan.unroll() + 1, forms != null, fallback);
        out.label(fallback);
        retarget(method, header, entry);
        AbstractInsnNode before = previousReal(header);
        if (before != null && loop.contains(before) && LoopCopy.fallsThrough(before)) {
            out.code.insert(new JumpInsnNode(GOTO, header)); // a latch laid out just above the header
        }
        method.instructions.insertBefore(header, out.code);
        method.maxStack = Math.max(method.maxStack, 8) + 4 + 2 * sig.slots().length;
    }

    /** Pushes, as a {@code long}, the distance from the induction variable to the bound over the step: the entry's iterations. */
    private record Trips(Emitter out, ScalarEmitter scalars, LoopIR ir) implements Runnable {
        @Override
        public void run() {
            scalars.push(ir.bound());
            out.op(I2L);
            out.load(ILOAD, ir.iv());
            out.op(I2L);
            out.op(LSUB);
            if (Math.abs(ir.step()) != 1) {
                out.ldc((long) Math.abs(ir.step()));
                out.op(LDIV);
            }
        }
    }

    /** @return the width of the widest vector the loop computes with: what the measurement measured */
    private int vectorBits() {
        int bytes = 0;
        for (Kind k : plan.kinds()) {
            bytes = Math.max(bytes, k.bytes());
        }
        return plan.lanes() * bytes * 8;
    }

    private static int nextNumber(ClassNode cls) {
        int n = 0;
        for (FieldNode f : cls.fields) {
            if (f.name.startsWith(TierSwitch.GATE)) {
                n++;
            }
        }
        return n;
    }

    /** The types at the header: the shared frames where the method is the analysed one, as yet unchanged. */
    private Frame<BasicValue> frameAt(String owner, MethodNode method, LabelNode header) {
        try {
            Frame<BasicValue>[] frames = method == analysis.method() ? analysis.types()
                    : new Analyzer<>(new ExactTypes()).analyze(owner, method);
            return frames[method.instructions.indexOf(header)];
        } catch (AnalyzerException e) {
            throw new IllegalStateException("the method cannot be analysed for its loop's types: " + e.getMessage(), e);
        }
    }

    /** Entry jumps go to the SIMD code; jumps from inside the loop still reach the header. */
    private void retarget(MethodNode method, LabelNode header, LabelNode entry) {
        List<LabelNode> same = new ArrayList<>();
        for (AbstractInsnNode n = header; n != null && n.getOpcode() < 0; n = n.getPrevious()) {
            if (n instanceof LabelNode l) {
                same.add(l);
            }
        }
        for (AbstractInsnNode n : method.instructions) {
            boolean inside = loop.contains(n);
            if (n instanceof JumpInsnNode j && same.contains(j.label)) {
                j.label = inside ? header : entry;
            } else if (n instanceof TableSwitchInsnNode t) {
                t.dflt = target(t.dflt, same, inside, header, entry);
                t.labels.replaceAll(l -> target(l, same, inside, header, entry));
            } else if (n instanceof LookupSwitchInsnNode t) {
                t.dflt = target(t.dflt, same, inside, header, entry);
                t.labels.replaceAll(l -> target(l, same, inside, header, entry));
            }
        }
    }

    private static LabelNode target(LabelNode l, List<LabelNode> same, boolean inside, LabelNode header, LabelNode entry) {
        return same.contains(l) ? inside ? header : entry : l;
    }

    private static AbstractInsnNode previousReal(AbstractInsnNode n) {
        AbstractInsnNode p = n.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private static int depth(List<Expr> values) {
        int d = 0;
        for (Expr v : values) {
            d = Math.max(d, depth(v));
        }
        return d;
    }

    private static int depth(Expr e) {
        int d = 0;
        for (Expr c : Walk.children(e)) {
            d = Math.max(d, depth(c));
        }
        return d + 1;
    }
}
