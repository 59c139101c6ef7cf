package dev.hotloop.agent.analysis;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.ParameterNode;

/**
 * Names for local variable slots in messages, when the class file has no local variable table
 * for them (javac without {@code -g}): {@code this}, a parameter's name from the
 * {@code MethodParameters} attribute (javac {@code -parameters}), else {@code arg0}, {@code arg1}
 * ... as reflection names parameters, and {@code local#N} for any other slot.
 */
public final class LocalNames {

    private LocalNames() {
    }

    /**
     * @param m    the method
     * @param slot a local variable slot of {@code m}
     * @return the best name for {@code slot} that does not need a local variable table
     */
    public static String withoutTable(MethodNode m, int slot) {
        int next = 0;
        if ((m.access & Opcodes.ACC_STATIC) == 0) {
            if (slot == 0) {
                return "this";
            }
            next = 1;
        }
        Type[] params = Type.getArgumentTypes(m.desc);
        for (int p = 0; p < params.length; p++) {
            if (slot == next) {
                return parameterName(m.parameters, p);
            }
            next += params[p].getSize();
        }
        return "local#" + slot;
    }

    private static String parameterName(List<ParameterNode> declared, int p) {
        if (declared != null && p < declared.size() && declared.get(p).name != null) {
            return declared.get(p).name;
        }
        return "arg" + p;
    }
}
