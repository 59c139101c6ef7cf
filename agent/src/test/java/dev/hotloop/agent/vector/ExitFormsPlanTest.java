package dev.hotloop.agent.vector;

import static dev.hotloop.agent.vector.Plans.decide;
import static dev.hotloop.agent.vector.Plans.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.targets.vector.ExitKernels;
import dev.hotloop.agent.targets.vector.MapKernels;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The plan of the exit forms of issue #12, as {@link VectorPlan#describe} prints it for 256-bit
 * vectors: {@code i != n} run as {@code i < n} under a guard that it reaches {@code n}, and
 * {@code short}/{@code byte}/{@code char} indexes run as ints under a guard that they never wrap.
 */
class ExitFormsPlanTest {

    @Test
    void notEqualRunsAsLessThanWhereTheIndexReachesTheBound() throws AnalyzerException {
        assertEquals(String.join("\n",
                "loop i ++ while i < n: SIMD int x8",
                "  exit: i != n (guard: i <= n)",
                "  access out[i] int contiguous, written",
                "  access a[i] int contiguous",
                "  store out[i] = ((a[i] * 3) + 1)",
                "  hoisted 3, 1",
                "  guards: non-null a, out; in bounds 2 accesses; out is not a"), plan(ExitKernels.class, "notEqualUp"));
    }

    @Test
    void theBoundOnTheLeftAndADownwardIndexRunAsGreaterThan() throws AnalyzerException {
        String text = plan(ExitKernels.class, "notEqualReversedOperands");
        assertTrue(text.startsWith("loop i -- while i > -1: SIMD int/long x4, reduction +, unroll 4\n  exit: i != -1 (guard: i >= -1)\n"), text);
    }

    @Test
    void aStepOtherThanOneMustBeAWholeNumberOfStepsFromTheBound() throws AnalyzerException {
        String up = plan(ExitKernels.class, "notEqualStepTwo");
        assertTrue(up.contains("\n  exit: i != n (guard: i <= n, (n - i) % 2 == 0)\n"), up);
        String down = plan(ExitKernels.class, "notEqualDownStepThree");
        assertTrue(down.startsWith("loop i -= 3 while i > -1: "), down);
        assertTrue(down.contains("\n  exit: i != -1 (guard: i >= -1, (-1 - i) % 3 == 0)\n"), down);
    }

    @Test
    void testedAfterTheBodyTheIndexMustStartStrictlyBelowTheBound() throws AnalyzerException {
        String text = plan(ExitKernels.class, "notEqualBottomTested");
        assertTrue(text.startsWith("loop i ++ while i < to (tested after the body): SIMD short/int x8\n  exit: i != to (guard: i < to)\n"), text);
    }

    @Test
    void aNarrowIndexRunsAsAnIntWhereItCannotWrap() throws AnalyzerException {
        String s = plan(ExitKernels.class, "shortIndex");
        assertTrue(s.startsWith("loop i ++ while i < n: SIMD int/float x8\n  index: short i (guard: (short) i == i, n <= 32767)\n"), s);
        String inclusive = plan(ExitKernels.class, "byteIndexInclusiveNearMax");
        assertTrue(inclusive.contains("\n  index: byte i (guard: (byte) i == i, (last + 100) + 1 <= 127)\n"), inclusive);
        String down = plan(ExitKernels.class, "shortIndexDownStepTwo");
        assertTrue(down.contains("\n  index: short i (guard: (short) i == i, 0 - 2 >= -32768)\n"), down);
        String c = plan(ExitKernels.class, "charIndex");
        assertTrue(c.contains("\n  index: char c (guard: (char) c == c, n <= 65535)\n"), c);
    }

    @Test
    void bothFormsAtOnceAreBothGuarded() throws AnalyzerException {
        String text = plan(ExitKernels.class, "byteIndexNotEqual");
        assertTrue(text.contains("\n  exit: i != n (guard: i <= n)\n  index: byte i (guard: (byte) i == i, n <= 127)\n"), text);
    }

    @Test
    void aPlainIntLoopPrintsNoExitForm() throws AnalyzerException {
        String text = plan(MapKernels.class, "mulDouble");
        assertFalse(text.contains("exit:") || text.contains("index:"), text);
    }

    @Test
    void aNarrowIndexThatAlwaysWrapsIsRefusedWithTheFix() throws AnalyzerException {
        LoopDecision past = decide(ExitKernels.class, "byteIndexPastMax");
        assertEquals(RefusalCode.LOOP_SHAPE, past.code(), past.summary());
        assertTrue(past.summary().contains("the byte index i wraps around at 127 before the exit test i < 200 can end the loop")
                && past.summary().contains("declare i an int"), past.summary());
        LoopDecision zero = decide(ExitKernels.class, "charIndexDownToZero");
        assertEquals(RefusalCode.LOOP_SHAPE, zero.code(), zero.summary());
        assertTrue(zero.summary().contains("the char index c wraps around at 0 before the exit test c >= 0"), zero.summary());
    }

    @Test
    void notEqualToABoundTheLoopChangesStaysRefused() throws AnalyzerException {
        LoopDecision d = decide(ExitKernels.class, "notEqualMovingBound");
        assertEquals(RefusalCode.NON_INVARIANT_BOUND, d.code(), d.summary());
        assertTrue(d.summary().contains("i != n") && d.summary().contains("with n computed before the loop"), d.summary());
    }
}
