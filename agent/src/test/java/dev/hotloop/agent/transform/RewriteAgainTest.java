package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.targets.AttributeValuesTarget;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

/**
 * A rewrite applied again, as on a retransformation by another agent, adds the same members in
 * the same order: from the same class file, from one to which a Byte Buddy agent re-added the
 * fields of the loaded class, and never to its own output.
 */
class RewriteAgainTest {

    private static final ClassLoader LOADER = RewriteAgainTest.class.getClassLoader();
    private static final AgentOptions OPTIONS = AgentOptions.parse("threads=2", new Properties(), Map.of());

    /** One runtime for every rewrite of a test, as in a JVM: a method keeps its timing id. */
    private final FakeRuntimeLink link = new FakeRuntimeLink();

    private TransformResult rewrite(byte[] bytes) {
        return new ClassRewriter(OPTIONS, new Planner(OPTIONS, true), link).rewrite(LOADER, bytes, true);
    }

    @Test
    void theSameClassFileGivesTheSameClassFile() {
        byte[] original = ClassFiles.bytes(AttributeValuesTarget.class);
        assertArrayEquals(rewrite(original).bytes(), rewrite(original).bytes());
    }

    @Test
    void fieldsReAddedByAnotherAgentAreAddedOnceInTheRewritesOrder() {
        byte[] original = ClassFiles.bytes(AttributeValuesTarget.class);
        byte[] first = rewrite(original).bytes();
        ClassNode withFields = ClassReaders.parse(original);
        for (FieldNode f : ClassReaders.parse(first).fields) {
            if (f.name.startsWith("hotloop$")) {
                withFields.fields.add(0, f); // as Byte Buddy does from the loaded class, in its own place
            }
        }
        ClassWriter w = new ClassWriter(0);
        withFields.accept(w);
        byte[] again = rewrite(w.toByteArray()).bytes();
        assertNotNull(again);
        assertEquals(ClassFiles.members(first), ClassFiles.members(again));
    }

    @Test
    void itsOwnOutputIsNotRewrittenTwice() {
        byte[] first = rewrite(ClassFiles.bytes(AttributeValuesTarget.class)).bytes();
        assertTrue(rewrite(first).bytes() == null, "rewritten a second time");
    }
}
