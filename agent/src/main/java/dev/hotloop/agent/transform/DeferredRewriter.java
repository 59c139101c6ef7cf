package dev.hotloop.agent.transform;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.Planner;

/**
 * Holds the {@link ClassRewriter}, built when the first annotated class arrives. The rewriter's
 * classes refer to ASM, whose classes the JVM loads to verify them; a program without annotations
 * therefore never loads ASM, Byte Buddy, or any analysis stage.
 */
public final class DeferredRewriter {

    private final AgentOptions options;
    private final boolean vectorApiResolved;
    private final RuntimeLink runtime;
    private volatile ClassRewriter rewriter;
    private volatile boolean demanded;

    /**
     * @param options           the agent's options
     * @param vectorApiResolved whether {@code jdk.incubator.vector} is in the boot layer
     * @param runtime           makes the runtime visible and gives timing ids
     */
    public DeferredRewriter(AgentOptions options, boolean vectorApiResolved, RuntimeLink runtime) {
        this.options = options;
        this.vectorApiResolved = vectorApiResolved;
        this.runtime = runtime;
    }

    DeferredRewriter(ClassRewriter built) {
        this(null, false, built.runtime());
        this.rewriter = built;
    }

    /** @return the rewriter, built on the first call; from now on {@link #demanded()} */
    public ClassRewriter get() {
        demanded = true;
        return build();
    }

    /**
     * Publishes the outlined loop forms of a class replayed from the cache: made when first asked
     * for, by rewriting its original class file again ({@link RewrittenAgain}).
     *
     * @param loader    the class's defining loader
     * @param className its internal name
     * @param original  its original class file
     */
    void formsOfReplayed(ClassLoader loader, String className, byte[] original) {
        runtime.publish(loader, className, new RewrittenAgain(this, loader, original));
    }

    /** @return whether a class of the program has asked for the rewriter */
    boolean demanded() {
        return demanded;
    }

    /** @return the rewriter, built on the first call, without marking it {@link #demanded()} */
    ClassRewriter build() {
        ClassRewriter r = rewriter;
        if (r == null) {
            synchronized (this) {
                r = rewriter;
                if (r == null) {
                    r = new ClassRewriter(options, new Planner(options, vectorApiResolved), runtime);
                    rewriter = r;
                }
            }
        }
        return r;
    }
}
