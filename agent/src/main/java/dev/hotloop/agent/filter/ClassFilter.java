package dev.hotloop.agent.filter;

/**
 * The transformer's first question: is this class worth parsing? Cheap checks on the name and
 * loader first, then {@link AnnotationPrefilter} on the bytes.
 */
public final class ClassFilter {

    private static final String[] NEVER = {
        "dev/hotloop/agent/", "dev/hotloop/runtime/", "dev/hotloop/shaded/",
        "java/", "javax/", "jdk/", "sun/", "com/sun/",
    };

    private ClassFilter() {
    }

    /**
     * @param className internal name of the class, or null for some hidden classes
     * @param bytes     its class file
     * @return whether the class may carry a Hotloop annotation and is not one of ours or the JDK's
     */
    public static boolean accepts(String className, byte[] bytes) {
        if (className != null) {
            for (String prefix : NEVER) {
                if (className.startsWith(prefix)) {
                    return false;
                }
            }
        }
        return AnnotationPrefilter.mayBeAnnotated(bytes);
    }
}
