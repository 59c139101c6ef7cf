package dev.hotloop.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.targets.parallel.ClusterKernels;
import dev.hotloop.agent.transform.InstrumentingLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seam between rewritten code and a cluster backend: without a backend (no option, or
 * hotloop-spark missing) the loop runs on the local pool; with one, the backend receives the
 * chunk method's name, descriptor and arguments, and running that method per chunk gives the
 * original loop's results.
 */
class ClusterTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void reset() {
        Cluster.configure(null, false);
        Cluster.printTo(System.err);
    }

    private Class<?> rewritten() throws ClassNotFoundException {
        AgentOptions options = AgentOptions.parse("threads=2,cluster=local[2]", new Properties(), Map.of());
        return new InstrumentingLoader(options).loadClass(ClusterKernels.class.getName());
    }

    private static Object call(Class<?> c, String name, Object... args) throws Throwable {
        Method m = Arrays.stream(c.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void withoutTheModuleOnTheClassPathOneLineSaysSoAndTheLoopRunsLocally() throws Throwable {
        Cluster.printTo(new PrintStream(err, true, StandardCharsets.UTF_8));
        Cluster.configure("spark://127.0.0.1:7077", false);
        Class<?> c = rewritten();
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] out = new double[a.length];
        call(c, "scale", a, 2.0, out);
        call(c, "scale", a, 2.0, out);
        assertArrayEquals(new double[] {2, 4, 6, 8, 10, 12, 14, 16, 18, 20}, out);
        String lines = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, lines.lines().count(), lines);
        assertTrue(lines.startsWith("[hotloop] ERROR cluster=spark://127.0.0.1:7077 is set but "
                + "dev.hotloop.spark.SparkBackend is not on the class path"), lines);
    }

    @Test
    void theBackendGetsTheChunkMethodAndItsArguments() throws Throwable {
        List<String> seen = new ArrayList<>();
        Cluster.useBackend("local[2]", loop -> {
            seen.add(loop.method() + loop.descriptor() + " " + String.join(";", loop.roles()) + " " + loop.chunks());
            runChunks(loop);
            return true;
        });
        Class<?> c = rewritten();

        long[] a = {1, 2, 3, 4, 5, 6, 7};
        call(c, "inPlace", a);
        assertArrayEquals(new long[] {4, 7, 10, 13, 16, 19, 22}, a);
        assertEquals("hotloop$parallel$2([JIII)V x0 3", seen.get(0));

        double[] d = {0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5};
        assertEquals(ClusterKernels.sum(d, 3.0), (double) call(c, "sum", d, 3.0));
        assertEquals("hotloop$parallel$3([DD[D[IIII)V r;v;p;p 3", seen.get(1));

        int[] out = new int[10];
        int[] expected = new int[10];
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(c, "failing", out, 7));
        IllegalStateException plain = assertThrows(IllegalStateException.class, () -> ClusterKernels.failing(expected, 7));
        assertEquals(plain.getMessage(), e.getMessage());
    }

    @Test
    void aBackendThatDeclinesLeavesTheLoopToTheLocalPool() throws Throwable {
        Cluster.useBackend("local[2]", loop -> false);
        int[] a = {1, 2, 3, 4, 5, 6};
        int[] out = new int[7];
        call(rewritten(), "shifted", a, out, "ab");
        assertArrayEquals(new int[] {0, 3, 4, 5, 6, 7, 8}, out);
    }

    @Test
    void aValueThatIsNotSerializableIsNamed() {
        String why = Cluster.unshippable(new Object[] {new Object(), "s", 1}, new String[] {"v", "v", "v"});
        assertTrue(why.startsWith("a captured value of class java.lang.Object is not Serializable"), why);
    }

    /** What a backend does, in this JVM: each chunk in order through the chunk method. */
    private static void runChunks(ClusterLoop loop) {
        try {
            ClassLoader l = loop.owner().getClassLoader();
            Method m = loop.owner().getDeclaredMethod(loop.method(),
                    MethodType.fromMethodDescriptorString(loop.descriptor(), l).parameterArray());
            m.setAccessible(true);
            Object[] args = Arrays.copyOf(loop.args(), loop.args().length + 3);
            for (int k = 0; k < loop.chunks(); k++) {
                args[args.length - 3] = k;
                args[args.length - 2] = loop.lower(k);
                args[args.length - 1] = loop.upper(k);
                m.invoke(null, args);
            }
            assertEquals(loop.to(), loop.upper(loop.chunks() - 1));
            for (Object a : loop.args()) {
                assertTrue(a == null || !a.getClass().isArray() || Array.getLength(a) >= 0);
            }
        } catch (InvocationTargetException e) {
            throw sneaky(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
