package dev.hotloop.agent.options;

import java.nio.file.Path;
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
        throw new IllegalArgumentException("expected stderr, off, or a file path ending in .json, .csv or .html");
    }

    @Override
    public String toString() {
        return file == null ? kind.name().toLowerCase(Locale.ROOT) : file.toString();
    }
}
