package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The equivalence tiers' inputs follow from the kernel, size and variant alone, in every JVM: their
 * seed once hashed the variant (an enum) by identity, so a failing input could not be replayed.
 */
class VectorInputsTest {

    @Test
    void aKernelSizeAndVariantGiveTheSameInputsInEveryJvm() {
        VectorKernel k = VectorKernel.all().stream().filter(x -> x.method().getName().equals("sumDoubleFast")).findFirst()
                .orElseThrow();
        double[] a = (double[]) new VectorInputs(k, 9, InputVariant.FINITE).args()[0];
        assertEquals(9, a.length);
        assertEquals(1.9323738886428599, a[0]);
        assertEquals(1887468407, Arrays.hashCode(a), Arrays.toString(a));
    }
}
