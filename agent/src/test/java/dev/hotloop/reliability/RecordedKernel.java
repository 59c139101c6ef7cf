package dev.hotloop.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel kept as source in {@code regressions.txt}: what the fuzzer printed for a failure after
 * shrinking, or a case written by hand. An entry starts with a header line
 * {@code // ==== options=<agent options> debug=<true|false> <note>} followed by the members of
 * {@link Kernel#source()}, whose {@code // shape:} comment gives the input seed and whether the
 * kernel must be refused.
 *
 * @param header    the header line
 * @param agentArgs the agent options it failed under ("" for the defaults)
 * @param debug     whether javac kept debug information
 * @param members   the class members
 * @param spec      the kernel to run
 */
record RecordedKernel(String header, String agentArgs, boolean debug, String members, KernelSpec spec) {

    static final String HEADER = "// ==== ";

    private static final Pattern OPTIONS = Pattern.compile("options=(\\S*) debug=(true|false)");
    private static final Pattern SHAPE = Pattern.compile("// shape: .*?(, must-refuse)?, inputs: (-?\\d+)");
    private static final Pattern KERNEL = Pattern.compile("public static \\S+ (k\\w*)\\(");

    /**
     * @param k         a kernel
     * @param agentArgs the agent options it ran under, or null for the defaults
     * @param debug     whether javac kept debug information
     * @param note      what it showed, on one line
     * @return the entry, ready to append to {@code regressions.txt}
     */
    static String entry(Kernel k, String agentArgs, boolean debug, String note) {
        return HEADER + "options=" + (agentArgs == null ? "" : agentArgs) + " debug=" + debug + " "
                + note.replace('\n', ' ') + "\n" + k.source();
    }

    /** @return every entry of a regressions file */
    static List<RecordedKernel> parseAll(String text) {
        List<RecordedKernel> out = new ArrayList<>();
        String[] parts = text.split("(?m)^(?=" + Pattern.quote(HEADER) + ")");
        for (String part : parts) {
            if (part.startsWith(HEADER)) {
                out.add(parse(part));
            }
        }
        return out;
    }

    private static RecordedKernel parse(String entry) {
        int eol = entry.indexOf('\n');
        String header = entry.substring(0, eol);
        String members = entry.substring(eol + 1);
        Matcher o = OPTIONS.matcher(header);
        Matcher s = SHAPE.matcher(members);
        Matcher k = KERNEL.matcher(members);
        if (!o.find() || !s.find() || !k.find()) {
            throw new IllegalArgumentException("malformed regression entry:\n" + entry);
        }
        KernelSpec spec = new KernelSpec(k.group(1), Long.parseLong(s.group(2)), members.contains("fastMath = true"),
                s.group(1) != null);
        return new RecordedKernel(header, o.group(1), Boolean.parseBoolean(o.group(2)), members, spec);
    }
}
