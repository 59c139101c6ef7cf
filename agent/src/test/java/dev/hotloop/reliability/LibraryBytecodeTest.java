package dev.hotloop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-world bytecode: every method of Guava, Commons Math, the Kotlin and Scala standard
 * libraries and {@code java.base} treated as annotated with {@code @Vectorize} and
 * {@code @Parallel}, under the agent's default options (timing probes in every method, loop
 * rewrites where the agent makes them). No exception may escape the rewriter except the reported
 * "method too large"; every class it changes must pass ASM's verifier and, outside the JDK, the
 * JVM's when linked. {@code -Dlibraries.sample=N} scans one class in N (default 1: all).
 */
class LibraryBytecodeTest {

    static Stream<Arguments> libraries() {
        return Stream.of(
                Arguments.of("guava", (Supplier<Library>) () -> Library.jarOf("guava", com.google.common.collect.ImmutableList.class)),
                Arguments.of("commons-math3", (Supplier<Library>) () -> Library.jarOf("commons-math3",
                        org.apache.commons.math3.linear.RealMatrix.class)),
                Arguments.of("kotlin-stdlib", (Supplier<Library>) () -> Library.jarOf("kotlin-stdlib", kotlin.collections.CollectionsKt.class)),
                Arguments.of("scala-library", (Supplier<Library>) () -> Library.jarOf("scala-library", scala.collection.immutable.List.class)),
                Arguments.of("java.base", (Supplier<Library>) () -> Library.jdkModule("java.base")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraries")
    void everyRewrittenClassVerifiesAndLoads(String name, Supplier<Library> library) {
        int sample = Integer.getInteger("libraries.sample", 1);
        LibraryScan.Report r = LibraryScan.scan(library.get(), Differential.agentRewriter(null), true, sample);
        System.out.print(r.describe());
        assertEquals(List.of(), r.failures(), r::describe);
        assertTrue(r.classes > 100 / sample && r.methods > r.classes && r.loops > 0, r::describe);
        assertTrue(r.changed > r.classes / 2, () -> "probes should change most classes\n" + r.describe());
    }
}
