import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The floor of the start-up benchmark: a Java agent that registers one retransform-capable
 * transformer that changes nothing, as Hotloop does. What this costs over a plain JVM is the
 * JVM's price for any such agent (JPLIS start-up, a Java call per class loaded); Hotloop can only
 * be judged on what it adds on top.
 */
public final class NoopAgent {

    private NoopAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        inst.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                    ProtectionDomain domain, byte[] bytes) {
                return null;
            }
        }, true);
    }
}
