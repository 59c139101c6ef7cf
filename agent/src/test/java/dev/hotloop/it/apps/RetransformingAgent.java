package dev.hotloop.it.apps;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second agent, as a profiler is: started with its own {@code -javaagent} jar, it registers a
 * retransform-capable transformer that sees every class (and changes none), and retransforms the
 * classes a program asks it to.
 */
public final class RetransformingAgent {

    /** Classes of {@link Retransformed}'s name that its transformer saw on retransformation. */
    public static final AtomicInteger SEEN = new AtomicInteger();
    private static volatile Instrumentation inst;

    private RetransformingAgent() {
    }

    /**
     * @param args unused
     * @param i    the JVM's instrumentation
     */
    public static void premain(String args, Instrumentation i) {
        inst = i;
        i.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                    ProtectionDomain domain, byte[] bytes) {
                if (redefined != null && name.equals(Retransformed.class.getName().replace('.', '/'))) {
                    SEEN.incrementAndGet();
                }
                return null;
            }
        }, true);
    }

    /**
     * @param c a loaded class
     * @throws Exception when the JVM refuses the retransformation
     */
    public static void retransform(Class<?> c) throws Exception {
        inst.retransformClasses(c);
    }
}
