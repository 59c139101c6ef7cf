package dev.hotloop.agent.targets;

/**
 * Loops of every shape javac produces, for the loop finder. Each loop's header line carries a
 * {@code // @loop:NAME} marker that tests look up with {@code SourceMarkers}; nothing here is
 * annotated, because finding loops does not depend on annotations.
 */
@SuppressWarnings("unused")
public final class LoopShapes {

    private LoopShapes() {
    }

    public static int forLoop(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:for
            s += a[i];
        }
        return s;
    }

    public static int whileLoop(int[] a) {
        int s = 0;
        int i = 0;
        while (i < a.length) { // @loop:while
            s += a[i];
            i++;
        }
        return s;
    }

    public static int doWhile(int[] a, int n) {
        int s = 0;
        int i = 0;
        do {
            s += a[i]; // @loop:doWhile
            i++;
        } while (i < n);
        return s;
    }

    public static int nested2(int[][] m) {
        int s = 0;
        for (int r = 0; r < m.length; r++) { // @loop:nested2.outer
            for (int c = 0; c < m[r].length; c++) { // @loop:nested2.inner
                s += m[r][c];
            }
        }
        return s;
    }

    public static int nested3(int[][][] m) {
        int s = 0;
        for (int x = 0; x < m.length; x++) { // @loop:nested3.x
            for (int y = 0; y < m[x].length; y++) { // @loop:nested3.y
                for (int z = 0; z < m[x][y].length; z++) { // @loop:nested3.z
                    s += m[x][y][z];
                }
            }
        }
        return s;
    }

    public static int withBreak(int[] a, int key) {
        int found = -1;
        for (int i = 0; i < a.length; i++) { // @loop:break
            if (a[i] == key) {
                found = i;
                break;
            }
        }
        return found;
    }

    public static int withContinue(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) { // @loop:continue
            if (a[i] < 0) {
                continue;
            }
            s += a[i];
        }
        return s;
    }

    public static int countDown(int[] a) {
        int s = 0;
        for (int i = a.length - 1; i >= 0; i--) { // @loop:down
            s = 31 * s + a[i];
        }
        return s;
    }

    public static int stepTwo(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i += 2) { // @loop:step2
            s += a[i];
        }
        return s;
    }

    public static int insideTry(String[] a) {
        int s = 0;
        try {
            for (int i = 0; i < a.length; i++) { // @loop:try
                s += Integer.parseInt(a[i]);
            }
        } catch (NumberFormatException e) {
            s = -1;
        }
        return s;
    }

    public static int catchInside(String[] a) {
        int bad = 0;
        for (int i = 0; i < a.length; i++) { // @loop:catchInside
            try {
                Integer.parseInt(a[i]);
            } catch (NumberFormatException e) {
                bad++;
            }
        }
        return bad;
    }

    public static int conditionalCounter(int[] a) {
        int positive = 0;
        for (int i = 0; i < a.length; i++) { // @loop:conditionalCounter
            if (a[i] > 0) {
                positive++;
            }
        }
        return positive;
    }

    public static int shortCounter(int[] a) {
        int s = 0;
        for (short i = 0; i < a.length; i++) { // @loop:shortCounter
            s += a[i];
        }
        return s;
    }

    public static int byteCountDown(int[] a) {
        int s = 0;
        for (byte i = (byte) (a.length - 1); i >= 0; i -= 3) { // @loop:byteCountDown
            s += a[i];
        }
        return s;
    }

    public static int charCounter(char[] a) {
        int s = 0;
        for (char c = 0; c < a.length; c++) { // @loop:charCounter
            s += a[c];
        }
        return s;
    }

    /** A short local narrowed from the index, untested: not the loop's counter. */
    public static int narrowedCopy(int[] a) {
        short last = 0;
        for (int i = 0; i < a.length; i++) { // @loop:narrowedCopy
            last = (short) (last + 1);
            a[i] = last;
        }
        return last;
    }

    public static int twoCounters(int[] a) {
        int seen = 0;
        int i = 0;
        while (i < a.length) { // @loop:twoCounters
            seen += 3;
            i++;
        }
        return seen;
    }

    public static int branches(int a, int b) {
        int r;
        if (a > b) {
            r = a - b;
        } else {
            r = b - a;
        }
        return r * 2;
    }

    public static int noLoop(int a, int b) {
        return a > b ? a - b : b - a;
    }

    public static int infinite(int[] a, int key) {
        int i = 0;
        while (true) {
            if (a[i] == key) { // @loop:infinite (javac emits no code for while (true): the loop starts here)
                return i;
            }
            i++;
        }
    }
}
