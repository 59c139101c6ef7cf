package dev.hotloop.it.apps;

import dev.hotloop.Vectorize;

/**
 * End-to-end target for {@code strict=true}: {@link #prefix} has a loop-carried dependence that
 * the agent can never rewrite. The program catches whatever the call throws, prints it on
 * standard output and exits normally.
 */
public final class StrictApp {

    private StrictApp() {
    }

    @Vectorize
    static void prefix(long[] a) {
        for (int i = 1; i < a.length; i++) { // loop:prefix
            a[i] += a[i - 1];
        }
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        long[] a = {1, 2, 3, 4, 5};
        try {
            prefix(a);
            System.out.println("prefix returned " + a[a.length - 1]);
        } catch (Throwable t) {
            System.out.println("caught " + t.getClass().getName() + ": " + t.getMessage());
        }
        System.out.println("done");
    }
}
