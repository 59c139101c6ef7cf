package dev.hotloop.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.ParameterNode;

class LocalNamesTest {

    @Test
    void staticParametersAreNamedByPositionCountingTwoSlotsForLongAndDouble() {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "k", "(JF[DI)V", null, null);
        assertEquals("arg0", LocalNames.withoutTable(m, 0));
        assertEquals("local#1", LocalNames.withoutTable(m, 1), "the second half of the long is no parameter");
        assertEquals("arg1", LocalNames.withoutTable(m, 2));
        assertEquals("arg2", LocalNames.withoutTable(m, 3));
        assertEquals("arg3", LocalNames.withoutTable(m, 4));
        assertEquals("local#5", LocalNames.withoutTable(m, 5), "past the parameters: a local");
    }

    @Test
    void instanceMethodsStartWithThis() {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC, "k", "([F)F", null, null);
        assertEquals("this", LocalNames.withoutTable(m, 0));
        assertEquals("arg0", LocalNames.withoutTable(m, 1));
        assertEquals("local#2", LocalNames.withoutTable(m, 2));
    }

    @Test
    void methodParametersAttributeGivesTheSourceNames() {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "k", "([F[FI)V", null, null);
        m.parameters = List.of(new ParameterNode("src", 0), new ParameterNode(null, 0), new ParameterNode("n", 0));
        assertEquals("src", LocalNames.withoutTable(m, 0));
        assertEquals("arg1", LocalNames.withoutTable(m, 1), "a parameter the attribute leaves unnamed");
        assertEquals("n", LocalNames.withoutTable(m, 2));
    }
}
