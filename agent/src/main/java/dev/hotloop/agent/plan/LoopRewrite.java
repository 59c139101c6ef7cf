package dev.hotloop.agent.plan;

import java.util.List;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * One planned loop rewrite, ready to apply. It holds references to the method's instruction
 * nodes (never indexes), so rewrites of other loops of the same method applied before it leave
 * it valid. Applying it must leave bytecode that passes the verifier.
 */
public interface LoopRewrite {

    /**
     * @param cls    the class being rewritten (a rewrite may add a method to it when allowed)
     * @param method the method that holds the loop; changed in place
     * @param forms  where a tiered loop's outlined forms go, or null to add them to {@code cls}
     */
    void apply(ClassNode cls, MethodNode method, OutlinedForms forms);

    /**
     * @return methods that {@link #apply} added to the class and that hold the loop from then on
     *     (the chunk method of a parallel loop), so a SIMD rewrite of the same loop can follow it
     */
    default List<MethodNode> addedMethods() {
        return List.of();
    }

    /**
     * @return the plan this rewrite executes, a few lines of text ({@code log=debug}, {@code dump=}),
     *     or null when it has none to show
     */
    default String describe() {
        return null;
    }
}
