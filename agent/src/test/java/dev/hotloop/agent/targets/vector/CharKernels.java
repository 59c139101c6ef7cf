package dev.hotloop.agent.targets.vector;

import dev.hotloop.Vectorize;

/**
 * {@code char[]} arrays (issue #12): loaded and stored as short lanes, and zero-extended (0 to
 * 65535) wherever a char takes part in int arithmetic or a comparison, as the JVM widens it. The
 * inputs hold chars across the whole range (0, 1, 0x7FFF, 0x8000, 0xFFFF), where sign and zero
 * extension differ.
 */
public final class CharKernels {

    private CharKernels() {
    }

    @Vectorize
    @Expect(rewritten = true, contains = "char")
    public static void charCopy(char[] s, char[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:charCopy
            out[i] = s[i];
        }
    }

    /** 0xFFFF + 1 wraps to 0 through the int and back. */
    @Vectorize
    @Expect(rewritten = true, contains = "char")
    public static void charShift(char[] s, char[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:charShift
            out[i] = (char) (s[i] + 1);
        }
    }

    /** In place, with the top bit flipped: with SAME_ARRAY nothing changes (one array). */
    @Vectorize
    @Expect(rewritten = true, contains = "char")
    public static void charFlipInPlace(char[] a, int n) {
        for (int i = 0; i < n; i++) { // @loop:charFlipInPlace
            a[i] = (char) (a[i] ^ 0x8000);
        }
    }

    /** A char widened into an int array: 0x8000 must read 32768, not -32768. */
    @Vectorize
    @Expect(rewritten = true, contains = {"char", "int"})
    public static void charWiden(char[] s, int[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:charWiden
            out[i] = s[i] * 3 - 7;
        }
    }

    /** The sum of chars: each zero-extended. */
    @Vectorize
    @Expect(rewritten = true, contains = {"reduction +"})
    public static int charSum(char[] s, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) { // @loop:charSum
            sum += s[i];
        }
        return sum;
    }

    /** An unsigned comparison: chars above 0x7FFF are large, not negative. */
    @Vectorize
    @Expect(rewritten = true, contains = {"reduction +"})
    public static int countHigh(char[] s, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) { // @loop:countHigh
            if (s[i] > 0x7FFF) {
                count++;
            }
        }
        return count;
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"reduction +"})
    public static int countLetter(char[] s, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) { // @loop:countLetter
            if (s[i] == 'a') {
                count++;
            }
        }
        return count;
    }

    /** A char compared against a char parameter, selecting between two chars. */
    @Vectorize
    @Expect(rewritten = true, contains = "char")
    public static void charMax(char[] a, char[] b, char[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:charMax
            out[i] = a[i] > b[i] ? a[i] : b[i];
        }
    }

    /** Between char and short arrays: the same 16 bits both ways. */
    @Vectorize
    @Expect(rewritten = true, contains = {"short", "char"})
    public static void charToShort(char[] s, short[] t, short[] out, char[] back, int n) {
        for (int i = 0; i < n; i++) { // @loop:charToShort
            out[i] = (short) s[i];
            back[i] = (char) t[i];
        }
    }

    @Vectorize
    @Expect(rewritten = true, contains = {"char", "float"})
    public static void charToFloat(char[] s, float[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:charToFloat
            out[i] = s[i] * 0.5f;
        }
    }

    /** Reversed: the last char first. */
    @Vectorize
    @Expect(rewritten = true, contains = "char")
    public static void charReverse(char[] s, char[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:charReverse
            out[i] = s[n - 1 - i];
        }
    }

    /** An invariant char, read once and broadcast: 0xFFFF must stay 65535. */
    @Vectorize
    @Expect(rewritten = true, contains = "char")
    public static void charPlusFirst(char[] s, int[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:charPlusFirst
            out[i] = s[0] + s[i];
        }
    }

    /** A call the vectorizer does not know stays scalar. */
    @Vectorize
    @Expect(rewritten = false)
    public static void charToUpper(char[] s, char[] out, int n) {
        for (int i = 0; i < n; i++) { // @loop:charToUpper
            out[i] = Character.toUpperCase(s[i]);
        }
    }
}
