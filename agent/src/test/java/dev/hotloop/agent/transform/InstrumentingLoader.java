package dev.hotloop.agent.transform;

import dev.hotloop.agent.VectorApi;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.runtime.tier.Tiers;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Loads the classes of {@code dev.hotloop.agent.targets} from the test class path through
 * {@link ClassRewriter}, as the agent would, and defines the result; every other class, the
 * runtime included, comes from the parent, so rewritten code and tests share one
 * {@code dev.hotloop.runtime.Timings}. After JaCoCo's {@code InstrumentingLoader}.
 */
public final class InstrumentingLoader extends ClassLoader {

    static final String TARGETS = "dev.hotloop.agent.targets.";

    static {
        registerAsParallelCapable();
    }

    private final ClassRewriter rewriter;
    private final UnaryOperator<byte[]> before;
    private final Map<String, TransformResult> results = new ConcurrentHashMap<>();

    /**
     * @param options the agent options to rewrite with
     */
    public InstrumentingLoader(AgentOptions options) {
        this(options, UnaryOperator.identity());
    }

    /**
     * @param options the agent options to rewrite with, or null to define the classes without
     *                rewriting them
     * @param before  what another agent that runs first (JaCoCo's) does to the class file
     */
    public InstrumentingLoader(AgentOptions options, UnaryOperator<byte[]> before) {
        super(InstrumentingLoader.class.getClassLoader());
        // The SIMD form from the first call, so that every comparison exercises it; the tiered
        // switch itself has tests of its own (TieredLoopTest).
        Tiers.configure(Tiers.Policy.SIMD, null);
        Tiers.sampleAfter(0);
        this.before = before;
        rewriter = options == null ? null : new ClassRewriter(options, new Planner(options, VectorApi.resolved()), new FakeRuntimeLink());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(TARGETS)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] original = before.apply(read(name));
                byte[] bytes = original;
                if (rewriter != null) {
                    TransformResult result = rewriter.rewrite(this, original);
                    results.put(name, result);
                    bytes = result.bytes() == null ? original : result.bytes();
                }
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private byte[] read(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    /**
     * @param name a target class this loader defined
     * @return what the rewriter made of it
     */
    public TransformResult result(String name) {
        TransformResult r = results.get(name);
        if (r == null) {
            throw new IllegalStateException(name + " was not loaded through this loader");
        }
        return r;
    }

    /**
     * @param cls    a target class
     * @param method the name of one of its annotated methods
     * @return that method's plan index in {@link #result}
     */
    int planIndex(Class<?> cls, String method) {
        TransformResult r = result(cls.getName());
        for (int i = 0; i < r.plans().size(); i++) {
            MethodPlan p = r.plans().get(i);
            if (p.method().method().name.equals(method)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no annotated method " + method + " in " + cls.getName());
    }

    /**
     * @param cls    a target class
     * @param method the name of one of its annotated methods
     * @return its id in {@code Timings}
     */
    int timingId(Class<?> cls, String method) {
        int id = result(cls.getName()).ids()[planIndex(cls, method)];
        if (id < 0) {
            throw new IllegalStateException(method + " is not timed");
        }
        return id;
    }
}
