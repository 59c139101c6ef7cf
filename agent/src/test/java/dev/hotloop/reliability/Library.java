package dev.hotloop.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class files of one library: a jar on the test class path (found through one of its classes)
 * or a module of the running JDK read from {@code jrt:/}. Module descriptors and multi-release
 * variants are left out.
 *
 * @param name    for reports
 * @param classes internal name to class file, sorted by name
 * @param jdk     whether these are JDK classes, which no user class loader may define
 */
record Library(String name, Map<String, byte[]> classes, boolean jdk) {

    /**
     * @param name      for reports
     * @param someClass a class of the jar, on the test class path
     */
    static Library jarOf(String name, Class<?> someClass) {
        Map<String, byte[]> out = new TreeMap<>();
        try (ZipFile zip = new ZipFile(Path.of(someClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String n = e.getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                    out.put(n.substring(0, n.length() - 6), zip.getInputStream(e).readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new Library(name, out, false);
    }

    /** @param module a module of the running JDK, such as {@code java.base} */
    static Library jdkModule(String module) {
        Map<String, byte[]> out = new TreeMap<>();
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path root = jrt.getPath("/modules", module);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = root.relativize(p).toString();
                if (n.endsWith(".class") && !n.equals("module-info.class")) {
                    out.put(n.substring(0, n.length() - 6), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Library(module + " " + Runtime.version().feature(), out, true);
    }

    /** @return the class file of a type of this library or of the JDK, or null */
    byte[] classFile(String internalName) {
        byte[] b = classes.get(internalName);
        if (b != null) {
            return b;
        }
        try (var in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
