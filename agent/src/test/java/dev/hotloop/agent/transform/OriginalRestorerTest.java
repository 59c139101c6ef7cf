package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.LogLevel;
import dev.hotloop.agent.report.RecordingDiagnostics;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The restorer remembers each class's loops settled on their original form, retransforms the class
 * each time one settles, and reports one line when the JVM refuses, without throwing.
 */
class OriginalRestorerTest {

    private final List<Class<?>> retransformed = new ArrayList<>();
    private final RecordingDiagnostics diagnostics = new RecordingDiagnostics();

    /** An instrumentation that records retransformations and refuses those of {@code refused}. */
    private Instrumentation instrumentation(boolean supported, Class<?> unmodifiable, Class<?> refused) {
        return (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Instrumentation.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isRetransformClassesSupported" -> supported;
                    case "isModifiableClass" -> args[0] != unmodifiable;
                    case "retransformClasses" -> {
                        Class<?> c = ((Class<?>[]) args[0])[0];
                        if (c == refused) {
                            throw new UnmodifiableClassException(c.getName());
                        }
                        retransformed.add(c);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void eachSettledLoopIsRememberedAndItsClassRetransformed() {
        OriginalRestorer r = new OriginalRestorer(instrumentation(true, null, null), diagnostics);
        assertEquals(Set.of(), r.restored(String.class));
        r.accept(String.class, 2);
        r.accept(String.class, 0);
        r.accept(Integer.class, 1);
        assertEquals(Set.of(0, 2), r.restored(String.class));
        assertEquals(Set.of(1), r.restored(Integer.class));
        assertEquals(Set.of(), r.restored(null), "a class being loaded for the first time has nothing restored");
        assertEquals(List.of(String.class, String.class, Integer.class), retransformed);
        assertEquals(List.of(), diagnostics.at(LogLevel.WARN));
    }

    @Test
    void aRefusedRetransformationIsOneWarningAndTheLoopStaysRemembered() {
        OriginalRestorer r = new OriginalRestorer(instrumentation(true, null, String.class), diagnostics);
        r.accept(String.class, 0);
        List<String> warnings = diagnostics.at(LogLevel.WARN);
        assertEquals(1, warnings.size(), diagnostics.entries()::toString);
        assertTrue(warnings.get(0).contains("could not restore the original bytecode of java.lang.String"), warnings.get(0));
        assertTrue(warnings.get(0).contains("keep running their original form behind the switch"), warnings.get(0));
        assertEquals(Set.of(0), r.restored(String.class), "a later retransformation, by anyone, still restores it");
    }

    @Test
    void aJvmOrClassThatCannotBeRetransformedIsLeftAlone() {
        new OriginalRestorer(instrumentation(false, null, null), diagnostics).accept(String.class, 0);
        new OriginalRestorer(instrumentation(true, String.class, null), diagnostics).accept(String.class, 0);
        assertEquals(List.of(), retransformed);
        assertEquals(List.of(), diagnostics.entries());
    }
}
