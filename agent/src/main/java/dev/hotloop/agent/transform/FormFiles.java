package dev.hotloop.agent.transform;

/**
 * The class files of a rewritten class's outlined loop forms ({@code Owner$hotloop$N}), by loop
 * number, written on first request: from the rewrite that made the class ({@link LoopForms}), or,
 * for a class replayed from the cache, by rewriting its original class file again ({@link RewrittenAgain}).
 */
public interface FormFiles {

    /**
     * @param loop a loop's number in its class
     * @return the class file of its forms, or null when the class has none for it
     * @throws IllegalStateException when a form fails ASM's check (the loop then keeps its original form)
     */
    byte[] classFile(int loop);
}
