package dev.hotloop.it.apps;

import dev.hotloop.Vectorize;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Defines the same annotated class three ways (the application loader, a custom child-first
 * loader, and as a hidden class with {@code Lookup.defineHiddenClass}) and prints what each copy
 * computes.
 */
public final class HostileLoadersApp {

    private HostileLoadersApp() {
    }

    /** The annotated class the app defines in several loaders. */
    public static final class HostileKernel {
        private HostileKernel() {
        }

        /** @return the sum of squares of 0..n-1, as a long */
        @Vectorize
        public static long squares(int n) {
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += (long) i * i;
            }
            return s;
        }
    }

    /** Defines {@link HostileKernel} itself, from its class file, instead of asking its parent. */
    static final class ChildFirst extends ClassLoader {
        private final byte[] bytes;

        ChildFirst(byte[] bytes) {
            super(HostileLoadersApp.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(HostileKernel.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }

    /**
     * @param args unused
     * @throws Throwable when a copy cannot be defined or called
     */
    public static void main(String[] args) throws Throwable {
        byte[] bytes;
        try (InputStream in = HostileLoadersApp.class.getResourceAsStream("HostileLoadersApp$HostileKernel.class")) {
            if (in == null) {
                throw new IOException("class file of HostileKernel not found");
            }
            bytes = in.readAllBytes();
        }
        MethodType type = MethodType.methodType(long.class, int.class);
        System.out.println("application: " + HostileKernel.squares(1000));
        Class<?> custom = new ChildFirst(bytes).loadClass(HostileKernel.class.getName());
        System.out.println("custom loader: " + MethodHandles.publicLookup().findStatic(custom, "squares", type)
                .invoke(1000));
        MethodHandles.Lookup hidden = MethodHandles.privateLookupIn(HostileKernel.class, MethodHandles.lookup())
                .defineHiddenClass(bytes, true);
        MethodHandle m = hidden.findStatic(hidden.lookupClass(), "squares", type);
        System.out.println("hidden class: " + m.invoke(1000));
    }
}
