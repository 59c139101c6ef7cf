package dev.hotloop.agent.transform;

import dev.hotloop.agent.report.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes rewritten class files under the {@code dump} directory, as {@code com/acme/Foo.class}.
 * The dump is for inspection only: a failure to write one is one warning (the first; later ones
 * are silent) and never costs the class its rewrite.
 */
final class ClassDumper {

    private final Path root;
    private final Diagnostics diagnostics;
    private final AtomicBoolean warned = new AtomicBoolean();

    ClassDumper(Path root, Diagnostics diagnostics) {
        this.root = root;
        this.diagnostics = diagnostics;
    }

    /**
     * @param internalName the class's internal name
     * @param bytes        its rewritten class file
     * @return the file written, or null when it could not be (the class keeps its rewrite)
     */
    Path dump(String internalName, byte[] bytes) {
        return write(internalName, ".class", bytes);
    }

    /**
     * @param internalName the class's internal name
     * @param plans        the plans of its annotated methods, as text
     * @return the file written beside the class file, {@code com/acme/Foo.plan.txt}, or null when it could not be
     */
    Path dumpPlans(String internalName, String plans) {
        return write(internalName, ".plan.txt", plans.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Path write(String internalName, String suffix, byte[] bytes) {
        Path file = root.resolve(internalName + suffix);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException | RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                diagnostics.warn("cannot write the dump of " + internalName.replace('/', '.') + " under " + root + ": " + e
                        + "; classes are still rewritten, but their dumps (this and any later) may be missing");
            }
            return null;
        }
    }
}
