package dev.hotloop.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.SourceMarkers;
import dev.hotloop.agent.targets.LoopShapes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

class LoopFinderTest {

    private static final ClassNode SHAPES = ClassFiles.node(LoopShapes.class);

    private static List<Loop> loops(String method) throws AnalyzerException {
        return LoopFinder.find(SHAPES.name, ClassFiles.method(SHAPES, method));
    }

    private static int line(String marker) {
        return SourceMarkers.line(LoopShapes.class, marker);
    }

    private static Loop single(String method) throws AnalyzerException {
        List<Loop> loops = loops(method);
        assertEquals(1, loops.size(), method + ": " + loops);
        return loops.get(0);
    }

    /**
     * One loop, alone in its method: induction variable, step, line and exits. The last rows hold
     * a second counter stepped by {@code iinc} (in a branch, in a handler, or on every iteration
     * but not tested), which must not be taken for the loop's index.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "forLoop,      for,          i,  1, 1",
        "whileLoop,    while,        i,  1, 1",
        "doWhile,      doWhile,      i,  1, 1",
        "withBreak,    break,        i,  1, 2",
        "withContinue, continue,     i,  1, 1",
        "countDown,    down,         i, -1, 1",
        "stepTwo,      step2,        i,  2, 1",
        "insideTry,    try,          i,  1, 1",
        "catchInside,  catchInside,  i,  1, 1",
        "infinite,     infinite,     i,  1, 1",
        "conditionalCounter, conditionalCounter, i, 1, 1",
        "twoCounters,  twoCounters,  i,  1, 1",
    })
    void singleLoop(String method, String marker, String var, int step, int exits) throws AnalyzerException {
        Loop loop = single(method);
        assertEquals(var, loop.inductionName());
        assertTrue(loop.inductionVar() > 0, "a local slot, not the parameter array");
        assertEquals(step, loop.step());
        assertEquals(line(marker), loop.line());
        assertEquals(exits, loop.exits());
        assertTrue(loop.innermost());
        assertTrue(loop.outermost());
        assertEquals(1, loop.depth());
        assertNull(loop.parent());
        assertFalse(loop.latches().isEmpty());
    }

    /** A short, byte or char counter, stepped by javac's i = (short) (i + c) (no iinc), with its type. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "shortCounter,  i,  1, S",
        "byteCountDown, i, -3, B",
        "charCounter,   c,  1, C",
        "narrowedCopy,  i,  1, I",
    })
    void narrowCounter(String method, String var, int step, char type) throws AnalyzerException {
        Loop loop = single(method);
        assertEquals(var, loop.inductionName());
        assertEquals(step, loop.step());
        assertEquals(type, loop.inductionType());
        assertEquals(line(method), loop.line());
    }

    @Test
    void aNarrowCounterIsNamedWithItsType() throws AnalyzerException {
        assertEquals("loop at line " + line("byteCountDown") + " over byte i -= 3 (depth 1, 2 blocks, 1 exit)", single("byteCountDown").toString());
    }

    @Test
    void methodWithoutLoopHasNone() throws AnalyzerException {
        assertTrue(loops("noLoop").isEmpty());
        assertTrue(loops("branches").isEmpty());
    }

    @Test
    void constructorHasNoLoop() throws AnalyzerException {
        assertTrue(loops("<init>").isEmpty());
    }

    @Test
    void twoDeepNest() throws AnalyzerException {
        List<Loop> loops = loops("nested2");
        assertEquals(2, loops.size());
        Loop outer = loops.get(0);
        Loop inner = loops.get(1);
        assertEquals("r", outer.inductionName());
        assertEquals("c", inner.inductionName());
        assertTrue(outer.outermost());
        assertFalse(outer.innermost());
        assertTrue(inner.innermost());
        assertFalse(inner.outermost());
        assertSame(outer, inner.parent());
        assertEquals(List.of(inner), outer.children());
        assertTrue(outer.contains(inner.header()));
        assertFalse(inner.contains(outer.header()));
        assertEquals(line("nested2.outer"), outer.line());
        assertEquals(line("nested2.inner"), inner.line());
        assertEquals(1, outer.exits());
        assertEquals(1, inner.exits(), "the inner loop leaves to the outer loop's increment");
    }

    @Test
    void threeDeepNestIsOrderedOuterToInner() throws AnalyzerException {
        List<Loop> loops = loops("nested3");
        assertEquals(3, loops.size());
        String[] names = {"x", "y", "z"};
        for (int d = 0; d < 3; d++) {
            Loop loop = loops.get(d);
            assertEquals(d + 1, loop.depth());
            assertEquals(names[d], loop.inductionName());
            assertEquals(line("nested3." + names[d]), loop.line());
            assertEquals(d == 0, loop.outermost());
            assertEquals(d == 2, loop.innermost());
            if (d > 0) {
                assertSame(loops.get(d - 1), loop.parent());
                assertTrue(loops.get(d - 1).body().cardinality() > loop.body().cardinality());
            }
        }
        assertTrue(loops.get(0).line() < loops.get(1).line() && loops.get(1).line() < loops.get(2).line());
    }

    @Test
    void headerInstructionIsTheLoopTest() throws AnalyzerException {
        MethodNode m = ClassFiles.method(SHAPES, "forLoop");
        Loop loop = LoopFinder.find(SHAPES.name, m).get(0);
        assertTrue(loop.headerInsn() > 0);
        assertTrue(m.instructions.get(loop.headerInsn()) instanceof LabelNode, "a block starts at its label");
    }

    @Test
    void toStringSummarisesTheLoop() throws AnalyzerException {
        assertEquals("loop at line " + line("down") + " over i -= 1 (depth 1, 2 blocks, 1 exit)", single("countDown").toString());
        assertTrue(single("withBreak").toString().endsWith("2 exits)"));
    }

    @Test
    void bottomTestedLoopBuiltWithoutJavacIsFound() throws AnalyzerException {
        MethodNode m = SyntheticMethods.bottomTested(3);
        List<Loop> loops = LoopFinder.find(SyntheticMethods.OWNER, m);
        assertEquals(1, loops.size());
        Loop loop = loops.get(0);
        assertEquals(1, loop.inductionVar());
        assertEquals(3, loop.step());
        assertEquals("local#1", loop.inductionName(), "no local variable table: named by slot");
        assertEquals(-1, loop.line(), "no line numbers");
        assertEquals(1, loop.exits());
        assertEquals(1, loop.body().cardinality(), "the whole loop is one block");
        assertEquals(List.of(loop.header()), loop.latches(), "the block jumps back to itself");
    }

    @Test
    void loopEnteredAtItsTestIsFound() throws AnalyzerException {
        MethodNode m = SyntheticMethods.enteredAtTheTest();
        List<Loop> loops = LoopFinder.find(SyntheticMethods.OWNER, m);
        assertEquals(1, loops.size());
        Loop loop = loops.get(0);
        assertEquals(1, loop.step());
        assertEquals(2, loop.body().cardinality());
        assertEquals(1, loop.exits());
        // The header is the test (it dominates the body), not the body that comes first in the code.
        assertTrue(m.instructions.indexOf(m.instructions.getFirst()) < loop.headerInsn());
        assertEquals(1, loop.latches().size());
        assertTrue(loop.latches().get(0) != loop.header());
    }

    @Test
    void irreducibleCycleIsNoNaturalLoop() throws AnalyzerException {
        assertTrue(LoopFinder.find(SyntheticMethods.OWNER, SyntheticMethods.irreducible()).isEmpty());
    }

    @Test
    void unreachableCycleIsIgnored() throws AnalyzerException {
        assertEquals(1, LoopFinder.find(SyntheticMethods.OWNER, SyntheticMethods.withDeadCode()).size());
    }

    @Test
    void counterSteppedTwiceIsNoInductionVariable() throws AnalyzerException {
        Loop loop = LoopFinder.find(SyntheticMethods.OWNER, SyntheticMethods.twoSteps()).get(0);
        assertEquals(-1, loop.inductionVar());
        assertEquals(0, loop.step());
        assertNull(loop.inductionName());
    }

    @Test
    void counterAlsoStoredIsNoInductionVariable() throws AnalyzerException {
        Loop loop = LoopFinder.find(SyntheticMethods.OWNER, SyntheticMethods.storedCounter()).get(0);
        assertEquals(-1, loop.inductionVar());
        assertEquals("loop (depth 1, 1 blocks, 1 exit)", loop.toString());
    }

    @Test
    void malformedBytecodeIsRejected() {
        assertThrows(AnalyzerException.class, () -> LoopFinder.find(SyntheticMethods.OWNER, SyntheticMethods.malformed()));
    }
}
