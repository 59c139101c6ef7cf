package dev.hotloop.it;

import dev.hotloop.it.apps.KernelsApp;
import java.util.List;
import java.util.stream.Collectors;

/** What the tests expect of {@link KernelsApp}'s annotated methods, in declaration order. */
final class KernelsMethods {

    /**
     * One annotated method.
     *
     * @param signature {@code scale(float[],float)}, as the agent prints it
     * @param calls     how many times the app calls it
     * @param markers   the {@code // loop:} markers of the loops the agent reports, in source order
     */
    record Method(String signature, long calls, List<String> markers) {

        /** @return {@code dev.hotloop.it.apps.KernelsApp.scale(float[],float)} */
        String name() {
            return KernelsApp.class.getName() + "." + signature;
        }

        /** @return the source lines of the reported loops, in order */
        List<Integer> lines() {
            return markers.stream().map(SOURCE::line).collect(Collectors.toList());
        }
    }

    static final SourceMarkers SOURCE = SourceMarkers.of(KernelsApp.class);

    static final List<Method> ALL = List.of(
            new Method("scale(float[],float)", KernelsApp.SCALE_CALLS, List.of("scale")),
            new Method("dot(float[],float[])", KernelsApp.DOT_CALLS, List.of("dot")),
            new Method("add(double[],double[],double[])", KernelsApp.ADD_CALLS, List.of("add")),
            new Method("mul(double[],double[],double[],int)", KernelsApp.MUL_CALLS, List.of("mul.outer", "mul.inner")),
            new Method("prefix(long[])", KernelsApp.PREFIX_CALLS, List.of("prefix")),
            new Method("neverCalled(int[])", 0, List.of("neverCalled")));

    private KernelsMethods() {
    }

    /** @return every method's name, in declaration order */
    static List<String> names() {
        return ALL.stream().map(Method::name).collect(Collectors.toList());
    }
}
