package dev.hotloop.agent.analysis;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * A data-flow interpreter that keeps the exact class of each reference (ASM's basic one keeps only
 * "reference"), so that a captured local of a method without a local variable table still gets
 * the parameter type it needs. Two different classes meeting at a join give {@link #UNKNOWN}; no
 * class is ever loaded.
 */
public final class ExactTypes extends BasicInterpreter {

    /** A reference whose class differs along the paths that reach a point. */
    public static final BasicValue UNKNOWN = new BasicValue(Type.getObjectType("?conflict"));
    private static final Type NULL = Type.getObjectType("null");

    public ExactTypes() {
        super(Opcodes.ASM9);
    }

    /**
     * @param value a value this interpreter computed
     * @return whether it is a reference of one known class on every path: not {@link #UNKNOWN}, not only null
     */
    public static boolean isExactReference(BasicValue value) {
        return value.isReference() && !value.equals(UNKNOWN) && !NULL.equals(value.getType());
    }

    @Override
    public BasicValue newValue(Type type) {
        if (type != null && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
            return new BasicValue(type);
        }
        return super.newValue(type);
    }

    @Override
    public BasicValue binaryOperation(AbstractInsnNode insn, BasicValue array, BasicValue index) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.AALOAD && array.getType() != null && array.getType().getSort() == Type.ARRAY) {
            return newValue(Type.getType(array.getType().getDescriptor().substring(1)));
        }
        return super.binaryOperation(insn, array, index);
    }

    @Override
    public BasicValue merge(BasicValue a, BasicValue b) {
        if (a.equals(b)) {
            return a;
        }
        if (a.isReference() && b.isReference()) {
            if (NULL.equals(a.getType())) {
                return b;
            }
            return NULL.equals(b.getType()) ? a : UNKNOWN;
        }
        return BasicValue.UNINITIALIZED_VALUE;
    }
}
