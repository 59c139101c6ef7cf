package sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class KernelsTest {

    @Test
    void runsWithTheAgent() {
        assertNotNull(System.getProperty("hotloop.agent.version"), "the hotloop agent is not in this JVM");
    }

    @Test
    void scale() {
        float[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
        Kernels.scale(a, 2f);
        assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34}, a);
    }

    @Test
    void add() {
        double[] out = new double[4];
        Kernels.add(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40}, out);
        assertArrayEquals(new double[] {11, 22, 33, 44}, out);
    }
}
