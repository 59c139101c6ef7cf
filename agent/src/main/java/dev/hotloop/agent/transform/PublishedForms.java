package dev.hotloop.agent.transform;

import dev.hotloop.runtime.tier.Forms;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The agent's side of {@link Forms}: the outlined forms of every rewritten class, by defining
 * loader and class name, written into class files when the runtime first asks for a loop's. A
 * loader that is collected takes its classes' forms with it.
 */
final class PublishedForms implements Forms.Source {

    private static final PublishedForms INSTANCE = new PublishedForms();

    private final Map<ClassLoader, Map<String, FormFiles>> byLoader = new WeakHashMap<>();
    private final Map<String, FormFiles> boot = new HashMap<>();
    private volatile boolean installed;

    private PublishedForms() {
    }

    /**
     * Publishes a class's forms, replacing those of an earlier rewrite of the same class (a
     * retransformation makes the same ones again). The runtime must be visible.
     *
     * @param loader the class's defining loader (null for the bootstrap loader)
     * @param owner  its internal name
     * @param forms  its loops' forms
     */
    static void publish(ClassLoader loader, String owner, FormFiles forms) {
        INSTANCE.put(loader, owner, forms);
    }

    private void put(ClassLoader loader, String owner, FormFiles forms) {
        if (!installed) {
            synchronized (this) {
                if (!installed) {
                    Forms.source(this);
                    installed = true;
                }
            }
        }
        synchronized (this) {
            classes(loader).put(owner, forms);
        }
    }

    @Override
    public byte[] classFile(ClassLoader loader, String owner, int loop) {
        FormFiles forms;
        synchronized (this) {
            forms = classes(loader).get(owner);
        }
        return forms == null ? null : forms.classFile(loop); // written outside the registry's lock
    }

    private Map<String, FormFiles> classes(ClassLoader loader) {
        if (loader == null) {
            return boot;
        }
        Map<String, FormFiles> classes = byLoader.get(loader);
        if (classes == null) {
            classes = new HashMap<>();
            byLoader.put(loader, classes);
        }
        return classes;
    }
}
