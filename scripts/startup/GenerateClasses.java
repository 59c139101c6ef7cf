import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the sources of the start-up benchmark: COUNT small, distinct classes without Hotloop
 * annotations, {@code bench.pNN.CNNNN}, 100 to a package, and {@code bench.Main}, which loads and
 * initialises every one of them by name and prints a checksum of their static state.
 *
 * <p>Run as a source-file program: {@code java GenerateClasses.java OUT_DIR COUNT}.
 */
public final class GenerateClasses {

    private static final int PER_PACKAGE = 100;

    private GenerateClasses() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java GenerateClasses.java OUT_DIR COUNT");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            String pkg = "bench.p" + (i / PER_PACKAGE);
            write(out, pkg, "C" + i, klass(pkg, i));
        }
        write(out, "bench", "Main", main(count));
    }

    /** A class with a little of everything javac emits: fields, a static initialiser, methods, a loop. */
    private static String klass(String pkg, int i) {
        return "package " + pkg + ";\n\n"
                + "public final class C" + i + " implements java.util.function.IntUnaryOperator {\n"
                + "    public static final long SEED = " + (i * 2654435761L % 1000003L) + "L;\n"
                + "    public static long state;\n"
                + "    private final int k;\n\n"
                + "    static {\n"
                + "        long s = SEED;\n"
                + "        for (int j = 0; j < " + (i % 7 + 3) + "; j++) {\n"
                + "            s = s * 31 + j;\n"
                + "        }\n"
                + "        state = s;\n"
                + "    }\n\n"
                + "    public C" + i + "(int k) {\n"
                + "        this.k = k;\n"
                + "    }\n\n"
                + "    @Override\n"
                + "    public int applyAsInt(int x) {\n"
                + "        return x * " + (i % 13 + 1) + " + k;\n"
                + "    }\n\n"
                + "    public static String name() {\n"
                + "        return \"C" + i + "\";\n"
                + "    }\n"
                + "}\n";
    }

    private static String main(int count) {
        return "package bench;\n\n"
                + "public final class Main {\n"
                + "    public static void main(String[] args) throws Exception {\n"
                + "        ClassLoader loader = Main.class.getClassLoader();\n"
                + "        long sum = 0;\n"
                + "        for (int i = 0; i < " + count + "; i++) {\n"
                + "            Class<?> c = Class.forName(\"bench.p\" + (i / " + PER_PACKAGE + ") + \".C\" + i, true, loader);\n"
                + "            sum += c.getField(\"state\").getLong(null);\n"
                + "        }\n"
                + "        System.out.println(\"" + count + " classes, checksum \" + sum);\n"
                + "    }\n"
                + "}\n";
    }

    private static void write(Path out, String pkg, String name, String source) throws IOException {
        Path file = out.resolve(pkg.replace('.', '/')).resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
    }
}
