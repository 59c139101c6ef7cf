package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Source lines of a target app, found by their {@code // loop:NAME} markers, so that the tests
 * know which line the agent must report without hard-coding numbers.
 */
final class SourceMarkers {

    private final Path file;
    private final List<String> lines;

    private SourceMarkers(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /**
     * @param app a class of {@code src/test/java}
     * @return its markers
     */
    static SourceMarkers of(Class<?> app) {
        // From the test classes, MODULE/target/test-classes, back to MODULE/src/test/java: neither the
        // working directory nor ${basedir} is reliable once the shade plugin has moved the project
        // file into target/ (its dependency-reduced pom).
        Path module = ChildJvm.codeSource(app).getParent().getParent();
        Path file = module.resolve("src/test/java").resolve(app.getName().replace('.', '/') + ".java");
        try {
            return new SourceMarkers(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the source of " + app.getName() + " at " + file
                    + "; the tests expect Maven's layout, classes in target/test-classes", e);
        }
    }

    /**
     * @param name the marker's name
     * @return the 1-based line that ends with {@code // loop:name}
     */
    int line(String name) {
        String marker = "// loop:" + name;
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stripTrailing().endsWith(marker)) {
                if (found >= 0) {
                    fail("marker '" + marker + "' twice in " + file);
                }
                found = i + 1;
            }
        }
        if (found < 0) {
            fail("no line ends with '" + marker + "' in " + file);
        }
        return found;
    }
}
