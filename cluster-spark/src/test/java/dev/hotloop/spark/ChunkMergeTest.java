package dev.hotloop.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver's half without Spark: merging in chunk order, the lowest failure, the executors' options. */
class ChunkMergeTest {

    private static ChunkResult result(int chunk, int[] slice, int from, double partial, Throwable failure) {
        return new ChunkResult(chunk, new Object[] {null, slice, null}, new int[] {0, from, 0},
                new Object[] {null, null, partial}, failure);
    }

    @Test
    void slicesAndPartialsGoWhereTheLocalPoolPutsThem() throws Throwable {
        int[] out = new int[6];
        double[] parts = new double[3];
        Object[] args = {new int[] {9}, out, parts};
        ChunkMerge.merge(args, new String[] {"r", "w1", "p"}, List.of(
                result(0, new int[] {1, 2}, 1, 0.5, null),
                result(1, new int[] {3, 4}, 3, 1.5, null),
                result(2, new int[] {5}, 5, 2.5, null)));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, out);
        assertArrayEquals(new double[] {0.5, 1.5, 2.5}, parts);
    }

    @Test
    void theLowestFailingChunkThrowsAfterItsOwnSliceAndNothingAboveItIsMerged() {
        int[] out = new int[6];
        double[] parts = new double[3];
        IllegalStateException low = new IllegalStateException("iteration 3");
        Object[] args = {null, out, parts};
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
                ChunkMerge.merge(args, new String[] {"v", "w0", "p"}, List.of(
                        result(0, new int[] {1, 2}, 0, 0.5, null),
                        result(1, new int[] {3, 0}, 2, 0, low),
                        result(2, new int[] {5, 6}, 4, 2.5, new IllegalStateException("iteration 5")))));
        assertSame(low, thrown);
        assertArrayEquals(new int[] {1, 2, 3, 0, 0, 0}, out);
    }

    @Test
    void anExceptionThatCannotTravelKeepsItsClassNameAndMessage() {
        class Local extends RuntimeException {
            private static final long serialVersionUID = 1L;
            final transient Object unused = null;
            @SuppressWarnings("serial") // the point of the test: it cannot be serialized
            final Object notSerializable = new Object();

            Local() {
                super("bad value");
            }
        }
        Throwable t = ChunkTask.serializable(new Local());
        assertTrue(t.getMessage().contains("bad value") && t.getMessage().contains("Local"), t.getMessage());
    }

    @Test
    void executorsGetTheDriversAgentJarUnlessTheyStartItAlready() {
        assertEquals("-javaagent:/opt/hotloop-agent.jar=log=warn,report=off",
                ExecutorSetup.executorJavaOptions("/opt/hotloop-agent.jar", null));
        assertEquals("-Xss4m -javaagent:/opt/hotloop-agent.jar=log=warn,report=off",
                ExecutorSetup.executorJavaOptions("/opt/hotloop-agent.jar", "-Xss4m"));
        assertEquals("-javaagent:/x/hotloop-agent.jar", ExecutorSetup.executorJavaOptions("/opt/a.jar",
                "-javaagent:/x/hotloop-agent.jar"));
        assertNull(ExecutorSetup.agentJar(List.of("-Xmx1g", "-javaagent:/no/such/hotloop-agent.jar=x=y")));
    }

    @Test
    void chunkBoundariesAreTheLocalPools() {
        // ParallelLoop.run: size = ceil(n / chunks), the last chunk shorter
        assertEquals(0, Chunks.lower(0, 10, 3, 0));
        assertEquals(4, Chunks.upper(0, 10, 3, 0));
        assertEquals(8, Chunks.lower(0, 10, 3, 2));
        assertEquals(10, Chunks.upper(0, 10, 3, 2));
    }
}
