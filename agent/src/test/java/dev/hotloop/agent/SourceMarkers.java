package dev.hotloop.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the source line of a {@code // @loop:NAME} marker in a test class's source file, so that
 * tests can assert the exact line a report names without hard-coding numbers.
 */
public final class SourceMarkers {

    private static final String PREFIX = "// @loop:";

    private SourceMarkers() {
    }

    /**
     * @param cls    a class of the test tree
     * @param marker the NAME of its {@code // @loop:NAME} comment
     * @return the 1-based line of the one comment with that name
     */
    public static int line(Class<?> cls, String marker) {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path source = base.resolve("src/test/java").resolve(cls.getName().replace('.', '/') + ".java");
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source of " + cls.getName(), e);
        }
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int at = l.indexOf(PREFIX);
            if (at < 0) {
                continue;
            }
            String name = l.substring(at + PREFIX.length()).split("\\s", 2)[0];
            if (name.equals(marker)) {
                if (found >= 0) {
                    throw new IllegalStateException("marker " + marker + " twice in " + source);
                }
                found = i + 1;
            }
        }
        if (found < 0) {
            throw new IllegalStateException("no marker " + PREFIX + marker + " in " + source);
        }
        return found;
    }
}
