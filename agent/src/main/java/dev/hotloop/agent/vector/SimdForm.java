package dev.hotloop.agent.vector;

import java.util.function.Supplier;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The SIMD form of a tiered loop, {@code hotloop$simd$N}: its guards, its vector loop and the
 * reductions' fold, generated from the plan when first asked for. Where the form goes into a class
 * of its own ({@code OutlinedForms}), that is when the loop is first measured, off the thread that
 * loaded the class; the loading thread only planned it and wrote the caller's side.
 *
 * <p>The form's parameters were fixed by its scalar twin, which reads every input of the loop: the
 * form may read and write no caller local outside them, which {@link LoopSignature#covers} checks.
 */
final class SimdForm implements Supplier<MethodNode> {

    private final VectorPlan plan;
    private final String name;
    private final LoopSignature sig;
    private final Emitter out;
    private final ScalarEmitter scalars;
    private final LabelNode fallback;
    private final int callerLocals;
    private final int stack;

    /**
     * @param plan         the loop's plan
     * @param name         the method's name
     * @param sig          its parameters and results, as its twin's
     * @param out          an emitter over a scratch method whose locals start where the caller's end
     * @param scalars      the caller's scalar values after the references were read, on {@code out}
     * @param fallback     where a failed guard goes (any label outside the form: it returns)
     * @param callerLocals locals below this are the caller's
     * @param stack        the form's operand stack depth
     */
    SimdForm(VectorPlan plan, String name, LoopSignature sig, Emitter out, ScalarEmitter scalars, LabelNode fallback,
             int callerLocals, int stack) {
        this.plan = plan;
        this.name = name;
        this.sig = sig;
        this.out = out;
        this.scalars = scalars;
        this.fallback = fallback;
        this.callerLocals = callerLocals;
        this.stack = stack;
    }

    /**
     * Generates the form; call once.
     *
     * @throws IllegalStateException when the form would use a caller local its twin does not
     */
    @Override
    public MethodNode get() {
        Guards guards = new Guards(out, scalars, plan, fallback);
        guards.emitChecks();
        VectorEmitter vectors = new VectorEmitter(out, scalars, plan);
        for (Expr v : plan.values()) {
            vectors.count(v);
        }
        vectors.hoistForms();
        vectors.hoistGathers();
        for (Expr v : plan.hoisted()) {
            vectors.hoist(v);
        }
        new VectorLoop(out, vectors, plan, guards).emit();
        String outside = sig.covers(out.code, callerLocals);
        if (outside != null) {
            throw new IllegalStateException("the SIMD form of " + plan.summary() + " uses " + outside + ", which its scalar twin does not");
        }
        return OutlinedMethod.build(name, sig, out.code, out.locals(), stack);
    }
}
