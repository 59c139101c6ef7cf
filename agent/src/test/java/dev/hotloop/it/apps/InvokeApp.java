package dev.hotloop.it.apps;

import java.lang.reflect.Method;

/**
 * Loads classes by name (ones the test generated, on the class path ahead of this one), calls a
 * {@code static int m(int)} method of each and prints the results.
 */
public final class InvokeApp {

    private InvokeApp() {
    }

    /**
     * @param args triples: class name, method name, int argument
     * @throws ReflectiveOperationException when a class or method is missing
     */
    public static void main(String[] args) throws ReflectiveOperationException {
        for (int i = 0; i + 2 < args.length; i += 3) {
            Method m = Class.forName(args[i]).getDeclaredMethod(args[i + 1], int.class);
            m.setAccessible(true);
            System.out.println(args[i] + "." + args[i + 1] + "(" + args[i + 2] + ") = "
                    + m.invoke(null, Integer.parseInt(args[i + 2])));
        }
    }
}
