package dev.hotloop.it.apps;

import dev.hotloop.Vectorize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * End-to-end target for dynamic attach. It calls {@link #work} {@value #CALLS_BEFORE} times,
 * prints {@code ready}, then calls {@link #spin} in a loop until the file named by its argument
 * appears (the test creates it once the agent is attached); then calls {@link #spin} once and
 * {@link #work} exactly {@value #CALLS_AFTER} times, prints the result and exits. It exits with
 * status 3 when its standard input closes (the test JVM went away) and 4 after a minute.
 */
public final class AttachTargetApp {

    public static final int CALLS_BEFORE = 3;
    public static final int CALLS_AFTER = 7;
    private static final long GIVE_UP_NANOS = 60_000_000_000L;

    private AttachTargetApp() {
    }

    @Vectorize
    static long work(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) { // loop:work
            s += a[i];
        }
        return s;
    }

    @Vectorize
    static int spin(int[] a) {
        int m = Integer.MIN_VALUE;
        for (int i = 0; i < a.length; i++) { // loop:spin
            m = Math.max(m, a[i]);
        }
        return m;
    }

    /**
     * @param args the file whose appearance ends the waiting
     * @throws IOException never in practice
     * @throws InterruptedException never in practice
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path go = Path.of(args[0]);
        Thread stdin = new Thread(AttachTargetApp::exitWhenStdinCloses, "stdin-watch");
        stdin.setDaemon(true);
        stdin.start();
        int[] a = new int[100];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 7 % 31;
        }
        long total = 0;
        for (int c = 0; c < CALLS_BEFORE; c++) {
            total += work(a);
        }
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        long start = System.nanoTime();
        int m = 0;
        while (!Files.exists(go)) {
            m = spin(a);
            Thread.sleep(2);
            if (System.nanoTime() - start > GIVE_UP_NANOS) {
                System.out.println("gave up waiting for " + go);
                System.exit(4);
            }
        }
        m = spin(a);
        for (int c = 0; c < CALLS_AFTER; c++) {
            total += work(a);
        }
        System.out.println("total " + total + " max " + m);
    }

    private static void exitWhenStdinCloses() {
        try {
            while (System.in.read() >= 0) {
                // discard
            }
        } catch (IOException e) {
            // closed: same as end of input
        }
        System.exit(3);
    }
}
