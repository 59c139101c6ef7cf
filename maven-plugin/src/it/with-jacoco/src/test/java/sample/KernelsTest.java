package sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KernelsTest {

    @Test
    void bothAgentsJaCoCoFirst() {
        List<String> agents = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-javaagent:")).collect(Collectors.toList());
        assertEquals(2, agents.size(), agents.toString());
        assertTrue(agents.get(0).contains("org.jacoco.agent"), agents.toString());
        assertTrue(agents.get(1).contains("hotloop-agent"), agents.toString());
        assertTrue(agents.get(1).contains("/hot loop/report.json"), agents.toString());
        assertEquals("set", System.getProperty("sample.marker"));
    }

    @Test
    void scaleAndAdd() {
        float[] a = {1, 2, 3};
        Kernels.scale(a, 2f);
        assertArrayEquals(new float[] {2, 4, 6}, a);
        double[] out = new double[2];
        Kernels.add(new double[] {1, 2}, new double[] {3, 4}, out);
        assertArrayEquals(new double[] {4, 6}, out);
    }
}
