package dev.hotloop.agent.plan;

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
     * @param simd   its SIMD form, {@code hotloop$simd$N}
     * @param scalar its scalar twin, {@code hotloop$scalar$N}
     */
    void add(int loop, MethodNode simd, MethodNode scalar);
}
