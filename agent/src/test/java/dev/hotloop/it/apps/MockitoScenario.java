package dev.hotloop.it.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyFloat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

/**
 * JUnit 5 tests that mock and spy on {@link Retransformed} (a {@code @Parallel} and a
 * {@code @Vectorize} method) with Mockito's inline mock maker, Mockito 5's default, which
 * retransforms the class. Run by {@link JUnitRunApp} in a JVM with the agent; not a test of
 * this build (no {@code Test} in its name).
 */
class MockitoScenario {

    /** The results of the plain loops, written out without annotations. */
    private static String plain() {
        int[] a = new int[10_000];
        float[] f = new float[1_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 97;
        }
        long s = 0;
        for (int x : a) {
            s += (long) x * x;
        }
        double fs = 0;
        for (int i = 0; i < f.length; i++) {
            f[i] = i * 0.5f * 3f;
            fs += f[i];
        }
        return "sumSquares " + s + " scale " + fs;
    }

    @Test
    void aMockAnswersWhatItIsTold() {
        Retransformed m = mock(Retransformed.class);
        when(m.sumSquares(any())).thenReturn(42L);
        float[] f = {1f, 2f};
        m.scale(f, 3f);
        assertEquals(42L, m.sumSquares(new int[100_000]));
        assertEquals(2f, f[1], "a mocked void method does nothing");
        verify(m).scale(any(), anyFloat());
    }

    @Test
    void aSpyRunsTheRewrittenMethodsAndIsVerified() {
        Retransformed s = spy(new Retransformed());
        assertEquals(plain(), s.results());
        verify(s, times(1)).sumSquares(any());
        verify(s, times(1)).scale(any(), anyFloat());
    }

    @Test
    void aMockCallingTheRealMethodsAndAPlainInstanceStillComputeTheSame() {
        Retransformed m = mock(Retransformed.class);
        doCallRealMethod().when(m).results();
        doCallRealMethod().when(m).sumSquares(any());
        doCallRealMethod().when(m).scale(any(), anyFloat());
        assertEquals(plain(), m.results());
        assertEquals(plain(), new Retransformed().results());
    }
}
