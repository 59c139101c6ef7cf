package dev.hotloop.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * One Spark task: runs one chunk of a loop on an executor by calling the loop's chunk method, which
 * the Hotloop agent on the executor added to the application's class as it did on the driver.
 * The loop's arguments come from one broadcast per loop run; arrays the loop only writes are
 * written in that executor-wide copy (each chunk its own slice; a retried chunk writes the same
 * values again), arrays it also reads are copied first, so a retry starts from the caller's values.
 */
final class ChunkTask implements Function<Integer, ChunkResult> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();

    private final Broadcast<Object[]> shared;
    private final String owner;
    private final String method;
    private final String descriptor;
    private final String[] roles;
    private final int from;
    private final int to;
    private final int chunks;

    ChunkTask(Broadcast<Object[]> shared, String owner, String method, String descriptor, String[] roles,
              int from, int to, int chunks) {
        this.shared = shared;
        this.owner = owner;
        this.method = method;
        this.descriptor = descriptor;
        this.roles = roles;
        this.from = from;
        this.to = to;
        this.chunks = chunks;
    }

    @Override
    public ChunkResult call(Integer boxed) throws Exception {
        int chunk = boxed;
        Method m = chunkMethod();
        Class<?>[] types = m.getParameterTypes();
        Object[] shipped = shared.value();
        Object[] args = new Object[roles.length + 3];
        for (int a = 0; a < roles.length; a++) {
            char role = roles[a].charAt(0);
            if (role == 'p') {
                args[a] = Array.newInstance(types[a].getComponentType(), chunks);
            } else if (role == 'x' && shipped[a] != null) {
                args[a] = copy(shipped[a]);
            } else {
                args[a] = shipped[a];
            }
        }
        int lo = Chunks.lower(from, to, chunks, chunk);
        int hi = Chunks.upper(from, to, chunks, chunk);
        args[roles.length] = chunk;
        args[roles.length + 1] = lo;
        args[roles.length + 2] = hi;
        Throwable failure = null;
        try {
            m.invoke(null, args);
        } catch (InvocationTargetException e) {
            failure = serializable(e.getCause());
        }
        Object[] slices = new Object[roles.length];
        int[] sliceFrom = new int[roles.length];
        Object[] partials = new Object[roles.length];
        for (int a = 0; a < roles.length; a++) {
            char role = roles[a].charAt(0);
            if ((role == 'w' || role == 'x') && args[a] != null) {
                int offset = Integer.parseInt(roles[a].substring(1));
                int length = Array.getLength(args[a]);
                int s = clamp((long) lo + offset, length);
                int e = clamp((long) hi + offset, length);
                Object slice = Array.newInstance(args[a].getClass().getComponentType(), e - s);
                System.arraycopy(args[a], s, slice, 0, e - s);
                slices[a] = slice;
                sliceFrom[a] = s;
            } else if (role == 'p') {
                partials[a] = Array.get(args[a], chunk);
            }
        }
        return new ChunkResult(chunk, slices, sliceFrom, partials, failure);
    }

    private Method chunkMethod() throws ClassNotFoundException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String key = owner + '.' + method + descriptor + '@' + System.identityHashCode(loader);
        Method m = METHODS.get(key);
        if (m == null) {
            Class<?> c = Class.forName(owner, true, loader);
            try {
                m = c.getDeclaredMethod(method, MethodType.fromMethodDescriptorString(descriptor, loader).parameterArray());
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("class " + owner + " on this executor has no method " + method
                        + descriptor + ": the Hotloop agent did not rewrite it here; start executors with "
                        + "-javaagent:hotloop-agent.jar (spark.executor.extraJavaOptions), the same agent version as "
                        + "the driver's", e);
            }
            m.setAccessible(true);
            METHODS.put(key, m);
        }
        return m;
    }

    private static Object copy(Object array) {
        int n = Array.getLength(array);
        Object c = Array.newInstance(array.getClass().getComponentType(), n);
        System.arraycopy(array, 0, c, 0, n);
        return c;
    }

    private static int clamp(long index, int length) {
        return (int) Math.max(0, Math.min(length, index));
    }

    /** The exception itself when it can travel to the driver, else one with its class name and message. */
    static Throwable serializable(Throwable t) {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(t);
            return t;
        } catch (IOException e) {
            RuntimeException r = new RuntimeException(t.toString() + " (not serializable, so rethrown as this "
                    + "RuntimeException)");
            r.setStackTrace(t.getStackTrace());
            return r;
        }
    }
}
