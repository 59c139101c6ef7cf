package dev.hotloop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel of {@code regressions.txt} (shrunk fuzzer failures and hand-written hard cases),
 * through the same differential check as the fuzzer, under the options it was recorded with.
 */
class FuzzRegressionTest {

    static Stream<RecordedKernel> recorded() throws IOException {
        try (InputStream in = FuzzRegressionTest.class.getResourceAsStream("regressions.txt")) {
            List<RecordedKernel> all = RecordedKernel.parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertFalse(all.isEmpty());
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void recordedKernelBehavesLikeTheOriginal(RecordedKernel k) {
        String name = "fuzz.R";
        Map<String, byte[]> classes = new InMemoryCompiler().compile(Map.of(name, FuzzCampaign.classSource(name, k.members())),
                k.debug());
        FuzzStats stats = new FuzzStats();
        String args = k.agentArgs().isEmpty() ? null : k.agentArgs();
        try (Differential d = new Differential(Differential.agentRewriter(args), stats)) {
            assertEquals(List.of(), d.check(name, classes.get(name), List.of(k.spec())), k.header() + "\n" + k.members());
        }
        assertEquals(1, stats.loopsRewritten + stats.loopsRefused, "one decision about the kernel's loop");
    }
}
