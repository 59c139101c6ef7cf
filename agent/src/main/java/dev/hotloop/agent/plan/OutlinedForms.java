package dev.hotloop.agent.plan;

import java.util.function.Supplier;
import org.objectweb.asm.tree.MethodNode;

/**
 * Where the outlined forms of a tiered loop go when the rewritten class does not hold them: into a
 * class of their own, generated and loaded only when the loop is first measured
 * ({@code dev.hotloop.runtime.tier.Forms}). The rewritten method then calls the SIMD form through
 * an {@code invokedynamic}.
 */
public interface OutlinedForms {

    /**
     * @param loop   the loop's number in its class
     * @param simd   generates its SIMD form, {@code hotloop$simd$N}, when first called (it may throw
     *               {@link IllegalStateException}: the loop then keeps its original form)
     * @param scalar its scalar twin, {@code hotloop$scalar$N}
     */
    void add(int loop, Supplier<MethodNode> simd, MethodNode scalar);
}
