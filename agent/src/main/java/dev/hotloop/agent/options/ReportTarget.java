package dev.hotloop.agent.options;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the exit report goes: standard error, nowhere, or a file whose extension picks the format.
 *
 * @param kind the kind of target
 * @param file the file, for {@link Kind#JSON}, {@link Kind#CSV} and {@link Kind#HTML}; else null
 */
public record ReportTarget(Kind kind, Path file) {

    /** The kinds of report target. */
    public enum Kind { STDERR, OFF, JSON, CSV, HTML }

    /** Separates several targets in one {@code report} value: the platform's path-list separator, as in a class path. */
    public static final String SEPARATOR = File.pathSeparator;

    /**
     * Reads a {@code report} value: one target, or several separated by {@link #SEPARATOR}
     * ({@code target/r.json:target/r.html} on Linux), each written at exit.
     *
     * @param value the value
     * @return the targets, at least one; {@code off} only alone
     * @throws IllegalArgumentException naming what is wrong
     */
    static List<ReportTarget> parseAll(String value) {
        List<ReportTarget> targets = new ArrayList<>();
        for (String part : value.split(SEPARATOR, -1)) {
            targets.add(parse(part));
        }
        if (targets.size() > 1) {
            for (ReportTarget t : targets) {
                if (t.kind == Kind.OFF) {
                    throw new IllegalArgumentException("off cannot be listed with other report targets");
                }
            }
        }
        return List.copyOf(targets);
    }

    static ReportTarget parse(String value) {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("stderr")) {
            return new ReportTarget(Kind.STDERR, null);
        }
        if (lower.equals("off")) {
            return new ReportTarget(Kind.OFF, null);
        }
        for (Kind kind : new Kind[] {Kind.JSON, Kind.CSV, Kind.HTML}) {
            String extension = "." + kind.name().toLowerCase(Locale.ROOT);
            if (lower.endsWith(extension) && lower.length() > extension.length()) {
                return new ReportTarget(kind, Path.of(v));
            }
        }
        throw new IllegalArgumentException("expected stderr, off, or a file path ending in .json, .csv or .html (several separated by '" + SEPARATOR + "')");
    }

    @Override
    public String toString() {
        return file == null ? kind.name().toLowerCase(Locale.ROOT) : file.toString();
    }
}
