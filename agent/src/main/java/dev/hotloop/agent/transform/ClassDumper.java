package dev.hotloop.agent.transform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes rewritten class files under the {@code dump} directory, as {@code com/acme/Foo.class}. */
final class ClassDumper {

    private final Path root;

    ClassDumper(Path root) {
        this.root = root;
    }

    Path dump(String internalName, byte[] bytes) throws IOException {
        Path file = root.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }
}
