package dev.hotloop.reliability;

import dev.hotloop.Vectorize;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with {@code javax.tools}, against the JDK and the Hotloop
 * annotations only: many kernels per call, since one javac run costs far more than one method.
 */
final class InMemoryCompiler {

    /** Thrown when javac rejects a source: a generator or shrinker bug, never a product one. */
    static final class CompilationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CompilationFailed(String message) {
            super(message);
        }
    }

    private final JavaCompiler javac;
    private final StandardJavaFileManager files;
    private final String classpath = annotationsLocation();

    InMemoryCompiler() {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the fuzzer on a JDK, not a JRE");
        }
        files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    }

    /**
     * @param sources binary class name to source
     * @param debug   whether to keep debug information ({@code -g}) or drop it ({@code -g:none})
     * @return binary class name to class file, nested classes included
     * @throws CompilationFailed when javac reports an error
     */
    Map<String, byte[]> compile(Map<String, String> sources, boolean debug) {
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new Source(name, text)));
        Output out = new Output(files);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "17", "-parameters", debug ? "-g" : "-g:none", "-proc:none",
                "-classpath", classpath, "-Xlint:none");
        boolean ok = javac.getTask(null, out, diagnostics, options, null, units).call();
        if (!ok) {
            StringBuilder b = new StringBuilder("javac rejected a generated source:");
            diagnostics.getDiagnostics().stream().limit(5).forEach(d -> b.append('\n').append(d));
            throw new CompilationFailed(b.toString());
        }
        return out.classes;
    }

    private static String annotationsLocation() {
        try {
            return new File(Vectorize.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the Hotloop annotations", e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String binaryName, String text) {
            super(URI.create("string:///" + binaryName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class Output extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<String, byte[]> classes = new TreeMap<>();

        Output(StandardJavaFileManager files) {
            super(files);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() throws IOException {
                            super.close();
                            classes.put(className, toByteArray());
                        }
                    };
                }
            };
        }
    }
}
