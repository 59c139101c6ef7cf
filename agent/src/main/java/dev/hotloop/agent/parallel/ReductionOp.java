package dev.hotloop.agent.parallel;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * An operator a reduction may use, with the value each chunk starts from (its identity: combining
 * it with any x gives x, bit for bit, {@code -0.0} for float sums) and the instruction that
 * combines two chunks' values.
 */
enum ReductionOp {
    SUM("+"), PRODUCT("*"), MIN("min"), MAX("max"), AND("&"), OR("|"), XOR("^");

    private final String symbol;

    ReductionOp(String symbol) {
        this.symbol = symbol;
    }

    /** @return {@code +}, {@code min}, ... as the report shows it */
    String symbol() {
        return symbol;
    }

    /**
     * @param insn an instruction that combines the reduction variable with a value
     * @return the operator, or null when {@code insn} is none
     */
    static ReductionOp of(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        if (op >= Opcodes.IADD && op <= Opcodes.DSUB) {
            return SUM;
        }
        if (op >= Opcodes.IMUL && op <= Opcodes.DMUL) {
            return PRODUCT;
        }
        if (op == Opcodes.IAND || op == Opcodes.LAND) {
            return AND;
        }
        if (op == Opcodes.IOR || op == Opcodes.LOR) {
            return OR;
        }
        if (op == Opcodes.IXOR || op == Opcodes.LXOR) {
            return XOR;
        }
        if (insn instanceof MethodInsnNode call && op == Opcodes.INVOKESTATIC && call.owner.equals("java/lang/Math")
                && (call.name.equals("min") || call.name.equals("max"))) {
            return call.name.equals("min") ? MIN : MAX;
        }
        return null;
    }

    /** @return whether {@code insn} is a subtraction, where the variable must be the left operand */
    static boolean subtracts(AbstractInsnNode insn) {
        return insn.getOpcode() >= Opcodes.ISUB && insn.getOpcode() <= Opcodes.DSUB;
    }

    /** @return whether the operator is exact whatever the grouping, for this type */
    boolean associative(Type type) {
        boolean floating = type.getSort() == Type.FLOAT || type.getSort() == Type.DOUBLE;
        return !floating || this == MIN || this == MAX;
    }

    /** @return an instruction that pushes the identity of this operator for {@code type} */
    AbstractInsnNode identity(Type type) {
        switch (type.getSort()) {
            case Type.INT:
                return new LdcInsnNode(switch (this) {
                    case SUM, OR, XOR -> 0;
                    case PRODUCT -> 1;
                    case AND -> -1;
                    case MIN -> Integer.MAX_VALUE;
                    case MAX -> Integer.MIN_VALUE;
                });
            case Type.LONG:
                return new LdcInsnNode(switch (this) {
                    case SUM, OR, XOR -> 0L;
                    case PRODUCT -> 1L;
                    case AND -> -1L;
                    case MIN -> Long.MAX_VALUE;
                    case MAX -> Long.MIN_VALUE;
                });
            case Type.FLOAT:
                return new LdcInsnNode(switch (this) {
                    case SUM -> -0.0f;
                    case PRODUCT -> 1.0f;
                    case MIN -> Float.POSITIVE_INFINITY;
                    case MAX -> Float.NEGATIVE_INFINITY;
                    default -> throw new IllegalArgumentException(this + " on float");
                });
            case Type.DOUBLE:
                return new LdcInsnNode(switch (this) {
                    case SUM -> -0.0;
                    case PRODUCT -> 1.0;
                    case MIN -> Double.POSITIVE_INFINITY;
                    case MAX -> Double.NEGATIVE_INFINITY;
                    default -> throw new IllegalArgumentException(this + " on double");
                });
            default:
                throw new IllegalArgumentException("no reduction on " + type);
        }
    }

    /** @return the instruction that combines the two values on the stack, of {@code type} */
    AbstractInsnNode combine(Type type) {
        switch (this) {
            case SUM:
                return new InsnNode(type.getOpcode(Opcodes.IADD));
            case PRODUCT:
                return new InsnNode(type.getOpcode(Opcodes.IMUL));
            case AND:
                return new InsnNode(type.getOpcode(Opcodes.IAND));
            case OR:
                return new InsnNode(type.getOpcode(Opcodes.IOR));
            case XOR:
                return new InsnNode(type.getOpcode(Opcodes.IXOR));
            default:
                String d = type.getDescriptor();
                return new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Math", this == MIN ? "min" : "max",
                        "(" + d + d + ")" + d, false);
        }
    }
}
