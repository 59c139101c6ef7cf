package dev.hotloop.agent.transform;

import java.util.Map;

/**
 * The class files of a rewritten class's outlined loop forms ({@code Owner$hotloop$N}), by loop
 * number: written on first request after a rewrite ({@link LoopForms}), or as a cache entry stored
 * them ({@link Written}, which a replay uses without loading any rewriting stage).
 */
public interface FormFiles {

    /**
     * @param loop a loop's number in its class
     * @return the class file of its forms, or null when the class has none for it
     * @throws IllegalStateException when a form fails ASM's check (the loop then keeps its original form)
     */
    byte[] classFile(int loop);

    /** Class files read from a cache entry. */
    record Written(Map<Integer, byte[]> files) implements FormFiles {
        @Override
        public byte[] classFile(int loop) {
            return files.get(loop);
        }
    }
}
