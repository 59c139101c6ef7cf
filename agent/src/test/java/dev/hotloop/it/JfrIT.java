package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.KernelsApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JFR events in the {@code dev.hotloop} namespace: a program run with
 * {@code -XX:StartFlightRecording} and the agent records one {@code dev.hotloop.Transform} per
 * annotated method (with the refusal code of a refused one) and, at the end of the recording, one
 * {@code dev.hotloop.MethodTiming} per method with the calls it made; {@code jfr print} shows them.
 * Without a recording, no event class is loaded.
 */
class JfrIT {

    @TempDir
    Path tmp;

    @Test
    void aRecordingHoldsTheTransformsAndEachMethodsTimings() throws IOException, InterruptedException {
        Path recording = tmp.resolve("run.jfr");
        // timings are taken when a report is wanted (not with report=off)
        ChildResult r = ChildJvm.app(KernelsApp.class).withAgent("report=" + tmp.resolve("report.json"))
                .jvmArg("-XX:StartFlightRecording:filename=" + recording).run();
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(Files.size(recording) > 0, r::describe);
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);

        Map<String, RecordedEvent> transforms = new LinkedHashMap<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals("dev.hotloop.Transform")) {
                transforms.put(e.getString("className") + "." + e.getString("method"), e);
            }
        }
        assertEquals(KernelsMethods.names(), List.copyOf(transforms.keySet()), () -> describe(events) + r.describe());
        for (KernelsMethods.Method m : KernelsMethods.ALL) {
            RecordedEvent e = transforms.get(m.name());
            assertEquals((int) m.lines().get(0), e.getInt("line"), m.name());
            assertTrue(e.getDuration("transformTime").toNanos() > 0, m.name());
            assertEquals(e.getString("outcome").equals("rewritten"), e.getString("code") == null, e.toString());
        }
        RecordedEvent prefix = transforms.get(KernelsApp.class.getName() + ".prefix(long[])");
        assertEquals("refused", prefix.getString("outcome"), prefix.toString());
        assertEquals("carried-dependence", prefix.getString("code"), prefix.toString());
        assertEquals("rewritten", transforms.get(KernelsApp.class.getName() + ".add(double[],double[],double[])")
                .getString("outcome"));

        Map<String, Long> calls = new LinkedHashMap<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals("dev.hotloop.MethodTiming")) {
                calls.merge(e.getString("className") + "." + e.getString("method"), e.getLong("calls"), Math::max);
            }
        }
        for (KernelsMethods.Method m : KernelsMethods.ALL) {
            String key = KernelsApp.class.getName() + "." + m.signature().substring(0, m.signature().indexOf('('));
            assertEquals(m.calls(), calls.get(key), () -> key + " in " + calls + "\n" + describe(events));
        }

        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Process p = new ProcessBuilder(jfr.toString(), "print", "--events", "dev.hotloop.*", recording.toString())
                .redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), printed);
        assertTrue(printed.contains("dev.hotloop.Transform {") && printed.contains("dev.hotloop.MethodTiming {")
                && printed.contains("code = \"carried-dependence\""), printed);
        assertFalse(printed.contains("jdk.CPULoad"), "only the dev.hotloop events: " + printed);
    }

    @Test
    void withoutARecordingNoEventClassIsLoaded() {
        ChildResult r = ChildJvm.app(KernelsApp.class).withAgent("report=" + tmp.resolve("report.json"))
                .jvmArg("-Xlog:class+load=info:stdout").run();
        assertEquals(0, r.exitCode(), r::describe);
        List<String> loaded = r.stdout().lines().filter(l -> l.contains("[class,load]")).collect(Collectors.toList());
        assertTrue(loaded.stream().anyMatch(l -> l.contains("dev.hotloop.runtime.Timings ")), "the runtime was used: " + r.describe());
        assertNull(loaded.stream().filter(l -> l.contains(" jdk.jfr.Event ") || l.contains("TransformEvent ")
                || l.contains("MethodTimingEvent ") || l.contains("TierDecisionEvent ") || l.contains("jdk.jfr.internal"))
                .findFirst().orElse(null), "no event class, and nothing of the recorder's internals");
    }

    private static String describe(List<RecordedEvent> events) {
        return events.stream().filter(e -> e.getEventType().getName().startsWith("dev.hotloop"))
                .map(RecordedEvent::toString).collect(Collectors.joining("\n"));
    }
}
