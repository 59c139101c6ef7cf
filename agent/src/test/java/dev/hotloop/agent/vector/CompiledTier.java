package dev.hotloop.agent.vector;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.transform.InstrumentingLoader;
import dev.hotloop.testing.C2Warmup;
import dev.hotloop.testing.CompiledCode;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * The compiled tier of the SIMD equivalence tests: every rewritten kernel of
 * {@link VectorKernel#all()} is called, on the very inputs it will be compared on, until C2 has
 * compiled its outlined SIMD form ({@link C2Warmup}); then it is compared with the original as in
 * {@link VectorEquivalenceTest}, and its SIMD form must still be C2 code afterwards (no
 * deoptimization sent the comparison back to the interpreter). Used by
 * {@link CompiledVectorEquivalenceTest}, which {@code scripts/width-matrix.sh} runs per configuration.
 */
final class CompiledTier {

    /** Variants compared in compiled code: the values and aliasing that C2's SIMD code must get right. */
    static final InputVariant[] VARIANTS = {InputVariant.SPECIAL, InputVariant.SAME_ARRAY, InputVariant.SHORT_ARRAY,
        InputVariant.FINITE};

    private final InstrumentingLoader loader = new InstrumentingLoader(AgentOptions.defaults());
    private final Map<VectorKernel, Kernel> kernels = new LinkedHashMap<>();
    private Set<String> proven = Set.of();

    /** A kernel as rewritten, the inputs it is compared on and its SIMD methods. */
    record Kernel(VectorKernel kernel, Method rewritten, List<Object[]> inputs, List<String> simd) {
    }

    /**
     * @param kernels the kernels to check, each rewritten
     */
    CompiledTier(List<VectorKernel> kernels) throws ReflectiveOperationException {
        for (VectorKernel k : kernels) {
            Method m = VectorEquivalenceTest.rewritten(loader, k);
            List<Object[]> inputs = new ArrayList<>();
            for (InputVariant v : VARIANTS) {
                for (int n : LaneSizes.sizes()) {
                    Object[] args = new VectorInputs(k, n, v).args();
                    if (args != null) {
                        inputs.add(args);
                    }
                }
            }
            List<String> simd = CompiledCode.simdMethodsCalledBy(loader.result(k.owner().getName()).bytes(), k.name());
            this.kernels.put(k, new Kernel(k, m, inputs, simd));
        }
    }

    /** @return every rewritten kernel of the target classes */
    static List<VectorKernel> rewrittenKernels() {
        return VectorKernel.all().stream().filter(k -> k.expect().rewritten()).toList();
    }

    /**
     * Calls every kernel until its SIMD form is C2 code or the budget is spent.
     *
     * @return the kernels proven to run in C2
     */
    Set<String> warm(Duration budget) {
        List<C2Warmup.Target> targets = new ArrayList<>();
        for (Kernel k : kernels.values()) {
            if (!k.simd().isEmpty()) {
                targets.add(target(k));
            }
        }
        proven = C2Warmup.untilCompiled(targets, budget);
        return proven;
    }

    private static C2Warmup.Target target(Kernel k) {
        int[] next = {0};
        return new C2Warmup.Target(k.kernel().toString(), k.simd(), () -> {
            Object[] args = k.inputs().get(next[0]++ % k.inputs().size());
            CallOutcome.of(k.rewritten(), ArgumentCopies.of(args));
        });
    }

    /** @return the kernel as a warm-up target: its SIMD methods and a call on its inputs */
    C2Warmup.Target target(VectorKernel k) {
        return target(kernels.get(k));
    }

    /** @return the kernel's rewritten form and inputs */
    Kernel get(VectorKernel k) {
        return kernels.get(k);
    }

    /** @return whether {@link #warm} saw the kernel's SIMD form compiled by C2 */
    boolean proven(VectorKernel k) {
        return proven.contains(k.toString());
    }

    /**
     * Compares the kernel with the original on all its inputs.
     *
     * @return the first difference, or null
     */
    String compare(VectorKernel k) {
        Kernel x = kernels.get(k);
        for (Object[] args : x.inputs()) {
            try {
                VectorEquivalenceTest.compare(k, x.rewritten(), args, k + " compiled");
            } catch (AssertionFailedError e) {
                return e.getMessage();
            }
        }
        return null;
    }
}
