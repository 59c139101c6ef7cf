package dev.hotloop.agent.plan;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Where a class was compiled without {@code -g} (no local variable table), messages can only name
 * variables by slot ({@code local#3}, {@code arg0}). Such a message is told which loop it is about,
 * by source file and line, and the first one in the JVM also says that {@code -g} gives the names.
 */
final class SlotNames {

    private static final Pattern SLOT_NAME = Pattern.compile("\\b(local#\\d+|arg\\d+)\\b");

    private final AtomicBoolean hinted = new AtomicBoolean();

    /**
     * @param method  the annotated method
     * @param line    the loop's line, or -1
     * @param summary a decision's message
     * @return the message, with the loop's place (and once per JVM the {@code -g} hint) added when it
     *     names a variable by slot in a method without a local variable table
     */
    String explain(AnnotatedMethod method, int line, String summary) {
        boolean noTable = method.method().localVariables == null || method.method().localVariables.isEmpty();
        if (!noTable || !SLOT_NAME.matcher(summary).find()) {
            return summary;
        }
        StringBuilder b = new StringBuilder(summary).append(" (the loop at ").append(sourceFile(method.owner()));
        if (line >= 0) {
            b.append(" line ").append(line);
        }
        b.append(')');
        if (hinted.compareAndSet(false, true)) {
            b.append("; this class was compiled without -g, so variables are named by slot (local#N, argN): "
                    + "compile with -g (Maven: <maven.compiler.debug>true</maven.compiler.debug>, the default) for their names");
        }
        return b.toString();
    }

    /** @return {@code Foo.java} for {@code com/acme/Foo$Inner}, as javac names the source */
    static String sourceFile(String owner) {
        String simple = owner.substring(owner.lastIndexOf('/') + 1);
        int dollar = simple.indexOf('$');
        return (dollar > 0 ? simple.substring(0, dollar) : simple) + ".java";
    }
}
