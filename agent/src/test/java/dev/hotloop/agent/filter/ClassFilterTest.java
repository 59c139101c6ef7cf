package dev.hotloop.agent.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.targets.AnnotatedTarget;
import dev.hotloop.agent.targets.LoopShapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassFilterTest {

    private static final byte[] ANNOTATED = ClassFiles.bytes(AnnotatedTarget.class);

    @ParameterizedTest
    @ValueSource(strings = {"com/acme/Stats", "Main", "dev/hotloop/demo/App", "dev/hotloopish/X"})
    void annotatedApplicationClassesAreAccepted(String name) {
        assertTrue(ClassFilter.accepts(name, ANNOTATED));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dev/hotloop/agent/targets/AnnotatedTarget", "dev/hotloop/runtime/Timings", "dev/hotloop/shaded/asm/X",
        "java/lang/String", "javax/swing/JFrame", "jdk/internal/misc/Unsafe", "sun/misc/Unsafe", "com/sun/tools/X",
    })
    void agentAndJdkClassesAreRejectedEvenWhenAnnotated(String name) {
        assertFalse(ClassFilter.accepts(name, ANNOTATED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"com/acme/Stats", "Main"})
    void unannotatedClassesAreRejected(String name) {
        assertFalse(ClassFilter.accepts(name, ClassFiles.bytes(LoopShapes.class)));
    }

    @Test
    void classesWithoutANameAreJudgedByTheirBytes() {
        assertTrue(ClassFilter.accepts(null, ANNOTATED));
        assertFalse(ClassFilter.accepts(null, ClassFiles.bytes(LoopShapes.class)));
    }
}
