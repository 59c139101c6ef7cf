package dev.hotloop.agent.transform;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads and links, without initializing, the classes the rewriting stages are made of: ASM's core,
 * tree and analysis packages and the agent's analysis, planning, vector and instrumentation
 * stages, read from the agent jar in that order (the order a rewrite first needs them). Loading
 * and verifying them is a third of what the first annotated class pays in a cold JVM; done on
 * another thread ahead of that class, the loading thread finds them ready.
 *
 * <p>Linking is forced by {@link Class#getDeclaredConstructors()}, which verifies a class without
 * running its static initializer, so two threads never initialize classes in a cycle. The
 * runtime's classes ({@code dev.hotloop.runtime}) are never loaded here: they belong to the
 * bootstrap loader.
 */
final class StageClasses {

    /** The packages of the rewriting stages, in the order a rewrite first uses them. */
    static final List<String> PACKAGES = List.of(
            "dev/hotloop/shaded/asm/",
            "dev/hotloop/shaded/asm/tree/",
            "dev/hotloop/agent/analysis/",
            "dev/hotloop/shaded/asm/tree/analysis/",
            "dev/hotloop/agent/plan/",
            "dev/hotloop/agent/vector/",
            "dev/hotloop/agent/instrument/");

    private StageClasses() {
    }

    /**
     * @param anchor a class of the agent jar, whose loader loads the stages
     * @return how many classes were loaded and linked; 0 when the agent is not read from a jar
     *     (tests run it from directories, where there is nothing to gain)
     * @throws IOException when the jar cannot be read
     */
    static int load(Class<?> anchor) throws IOException {
        Path jar = jarOf(anchor);
        if (jar == null) {
            return 0;
        }
        List<String> names = names(jar);
        ClassLoader loader = anchor.getClassLoader();
        int linked = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader).getDeclaredConstructors();
                linked++;
            } catch (ClassNotFoundException | LinkageError e) {
                // a class the rewrite may never need (an optional dependency of ASM): it loads, or
                // fails, where it is used, as it did before
            }
        }
        return linked;
    }

    /** @return the binary names of the stages' classes in the jar, package by package in {@link #PACKAGES} order */
    static List<String> names(Path jar) throws IOException {
        List<List<String>> byPackage = new ArrayList<>();
        for (int p = 0; p < PACKAGES.size(); p++) {
            byPackage.add(new ArrayList<>());
        }
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                String entry = e.nextElement().getName();
                int slash = entry.lastIndexOf('/');
                if (!entry.endsWith(".class") || entry.endsWith("module-info.class") || entry.endsWith("package-info.class")) {
                    continue;
                }
                int p = PACKAGES.indexOf(entry.substring(0, slash + 1));
                if (p >= 0) {
                    byPackage.get(p).add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (List<String> p : byPackage) {
            names.addAll(p);
        }
        return names;
    }

    private static Path jarOf(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            return path.toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
