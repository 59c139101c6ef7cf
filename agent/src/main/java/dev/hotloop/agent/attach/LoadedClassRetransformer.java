package dev.hotloop.agent.attach;

import dev.hotloop.agent.filter.ClassFilter;
import dev.hotloop.agent.report.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;

/**
 * On attach, finds the annotated classes that were loaded before the agent arrived and asks the
 * JVM to retransform them. A class is picked by the same constant-pool pre-filter the transformer
 * uses, on its class file read back through its loader, so no class is initialised and nothing
 * unannotated is retransformed. What cannot be done is reported.
 */
public final class LoadedClassRetransformer {

    private final Instrumentation inst;
    private final Diagnostics diagnostics;

    /**
     * @param inst        the JVM's instrumentation, with the transformer already added
     * @param diagnostics where to report
     */
    public LoadedClassRetransformer(Instrumentation inst, Diagnostics diagnostics) {
        this.inst = inst;
        this.diagnostics = diagnostics;
    }

    /** Retransforms every loaded annotated class it can, and says how it went. */
    public void retransformAnnotated() {
        if (!inst.isRetransformClassesSupported()) {
            diagnostics.warn("this JVM cannot retransform classes: annotated classes loaded before the attach keep "
                    + "their code; classes loaded from now on are rewritten");
            return;
        }
        List<Class<?>> annotated = new ArrayList<>();
        int unreadable = 0;
        for (Class<?> c : inst.getAllLoadedClasses()) {
            ClassLoader loader = c.getClassLoader();
            if (loader == null || c.isArray() || c.isPrimitive() || c.isHidden() || !inst.isModifiableClass(c)) {
                continue;
            }
            String internal = c.getName().replace('.', '/');
            byte[] bytes = read(loader, internal);
            if (bytes == null) {
                unreadable++;
            } else if (ClassFilter.accepts(internal, bytes)) {
                annotated.add(c);
            }
        }
        int failed = 0;
        for (Class<?> c : annotated) {
            try {
                inst.retransformClasses(c);
            } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
                failed++;
                diagnostics.warn("cannot retransform " + c.getName() + " after attach: " + e
                        + "; it keeps its code until the JVM restarts with -javaagent");
            }
        }
        diagnostics.info("attached: " + (annotated.size() - failed) + " annotated classes already loaded were rewritten"
                + (failed > 0 ? ", " + failed + " could not be" : "")
                + (unreadable > 0 ? "; " + unreadable + " loaded classes had no readable class file and were skipped" : ""));
    }

    private static byte[] read(ClassLoader loader, String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
