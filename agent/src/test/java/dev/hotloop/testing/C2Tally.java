package dev.hotloop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One line per compiled-tier test class in {@code target/c2-tier/tally.tsv}: the suite, the
 * kernels it compared, how many differed, how many ran as C2 code (compiled before the comparison
 * and still after). {@code scripts/width-matrix.sh} sums them per configuration. Also says whether
 * this run requires C2: the matrix sets {@code -Dhotloop.c2.optional=true} for configurations
 * without it ({@code -Xint}), where the tests compare and count without failing for want of C2;
 * and whether every kernel must be rewritten: the matrix sets {@code -Dhotloop.c2.anyWidth=true},
 * since at narrower widths ({@code -XX:UseAVX=0}, {@code MaxVectorSize=16}) the planner keeps some
 * loops scalar, and those kernels are skipped rather than failed.
 */
public final class C2Tally {

    private int checked;
    private int mismatches;
    private int proven;

    /** @return whether a kernel that never became C2 code fails its test */
    public static boolean required() {
        return !Boolean.getBoolean("hotloop.c2.optional");
    }

    /** @return whether a kernel the agent kept scalar fails its test (else it is skipped) */
    public static boolean rewriteRequired() {
        return !Boolean.getBoolean("hotloop.c2.anyWidth");
    }

    /**
     * @param matched whether the kernel behaved like the original
     * @param c2      whether it ran as C2 code
     */
    public synchronized void add(boolean matched, boolean c2) {
        checked++;
        mismatches += matched ? 0 : 1;
        proven += c2 ? 1 : 0;
    }

    /** @param suite appends this tally under that name */
    public synchronized void write(String suite) {
        Path file = Path.of("target", "c2-tier", "tally.tsv");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, suite + "\t" + checked + "\t" + mismatches + "\t" + proven + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
