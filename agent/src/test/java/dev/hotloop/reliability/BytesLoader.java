package dev.hotloop.reliability;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

/**
 * Defines the given classes from bytes and serves their original class files as resources (the
 * rewriter reads class-file headers through the loader to compute stack-map frames); everything
 * else comes from the parent.
 */
final class BytesLoader extends ClassLoader {

    private final Map<String, byte[]> definitions;
    private final Map<String, byte[]> resources;

    /**
     * @param parent      resolves every other class
     * @param definitions binary name to the bytes to define
     * @param resources   binary name to the class file to serve as a resource
     */
    BytesLoader(ClassLoader parent, Map<String, byte[]> definitions, Map<String, byte[]> resources) {
        super(parent);
        this.definitions = definitions;
        this.resources = resources;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = definitions.get(name);
        if (b == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        if (name.endsWith(".class")) {
            byte[] b = resources.get(name.substring(0, name.length() - 6).replace('/', '.'));
            if (b != null) {
                return new ByteArrayInputStream(b);
            }
        }
        return super.getResourceAsStream(name);
    }
}
