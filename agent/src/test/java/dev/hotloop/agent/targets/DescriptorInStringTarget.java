package dev.hotloop.agent.targets;

/** Not annotated, but holds the annotation's descriptor as a string constant. */
public final class DescriptorInStringTarget {

    private DescriptorInStringTarget() {
    }

    public static String descriptor() {
        return "Ldev/hotloop/Vectorize;";
    }
}
