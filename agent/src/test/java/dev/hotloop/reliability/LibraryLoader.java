package dev.hotloop.reliability;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

/**
 * An isolated loader for one library: it defines the library's classes itself, child first, from
 * the rewritten class files where there are some and from the originals elsewhere, and serves the
 * originals as resources (the rewriter reads headers through them). Everything else, the JDK and
 * the Hotloop runtime that probes call, comes from the parent.
 */
final class LibraryLoader extends ClassLoader {

    private final Library library;
    private final Map<String, byte[]> rewritten;

    LibraryLoader(ClassLoader parent, Library library, Map<String, byte[]> rewritten) {
        super(parent);
        this.library = library;
        this.rewritten = rewritten;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        String internal = name.replace('.', '/');
        if (!library.classes().containsKey(internal)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] b = rewritten.getOrDefault(internal, library.classes().get(internal));
                c = defineClass(name, b, 0, b.length);
            }
            return c;
        }
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        if (name.endsWith(".class")) {
            byte[] b = library.classes().get(name.substring(0, name.length() - 6));
            if (b != null) {
                return new ByteArrayInputStream(b);
            }
        }
        return super.getResourceAsStream(name);
    }
}
